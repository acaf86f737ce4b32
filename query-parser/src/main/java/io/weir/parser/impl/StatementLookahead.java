package io.weir.parser.impl;

/**
 * Semantic lookahead of Weir's statement productions: decides from the next tokens whether a
 * Weir statement or one of Calcite's statements with the same first words follows. The grammar
 * passes {@code getToken(1)} and {@code getToken(2)}, which JavaCC takes relative to the scan
 * position while it looks ahead.
 */
final class StatementLookahead {
  private StatementLookahead() {}

  /** True when {@code next} ends the statement, as in {@code SET;} or {@code RESET} at the end. */
  static boolean endsStatement(Token next) {
    return next.kind == WeirSqlParserImplConstants.EOF
        || next.kind == WeirSqlParserImplConstants.SEMICOLON;
  }

  /**
   * False when the words after DESCRIBE start one of Calcite's other forms
   * ({@code DESCRIBE SCHEMA s}, {@code DESCRIBE STATEMENT query}); a lone word such as
   * {@code schema} or {@code schema.t} is a table name.
   */
  static boolean describesTable(Token first, Token second) {
    final int kind = first.kind;
    final boolean calciteForm = kind == WeirSqlParserImplConstants.DATABASE
        || kind == WeirSqlParserImplConstants.CATALOG
        || kind == WeirSqlParserImplConstants.SCHEMA
        || kind == WeirSqlParserImplConstants.STATEMENT;
    return !calciteForm || endsStatement(second) || second.kind == WeirSqlParserImplConstants.DOT;
  }

  /**
   * False when the words after EXPLAIN start Calcite's EXPLAIN PLAN with options (a detail
   * level, WITH TYPE, AS JSON, ...); {@code EXPLAIN PLAN FOR} is Weir's.
   */
  static boolean explainsWithoutOptions(Token first, Token second) {
    return first.kind != WeirSqlParserImplConstants.PLAN
        || second.kind == WeirSqlParserImplConstants.FOR;
  }
}
