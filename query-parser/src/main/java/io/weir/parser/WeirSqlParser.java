package io.weir.parser;

import io.weir.parser.impl.WeirSqlParserImpl;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

/**
 * Entry point of Weir's SQL parser: Calcite's grammar plus Weir's statements (the nodes of
 * {@code io.weir.parser.ddl}). Stateless and thread-safe; every call creates its own parser.
 *
 * <p>Parse errors are Calcite's {@link SqlParseException}; {@link SqlParseException#getPos()}
 * gives the 1-based line and column of the offending token.
 *
 * <p>{@link #unparse(SqlNode)} is the inverse: its text parses back to an equal node
 * ({@link SqlNode#equalsDeep}), which is how DDL is persisted.
 */
public final class WeirSqlParser {
  private static final int IDENTIFIER_MAX_LENGTH = 256;

  private static final SqlParser.Config CONFIG = SqlParser.config()
      .withParserFactory(WeirSqlParserImpl.FACTORY)
      .withQuoting(Quoting.BACK_TICK)
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      .withConformance(SqlConformanceEnum.LENIENT)
      .withIdentifierMaxLength(IDENTIFIER_MAX_LENGTH);

  private static final SqlDialect DIALECT = new SqlDialect(SqlDialect.EMPTY_CONTEXT
      .withIdentifierQuoteString("`")
      .withUnquotedCasing(Casing.UNCHANGED)
      .withQuotedCasing(Casing.UNCHANGED)
      .withCaseSensitive(false)
      .withConformance(SqlConformanceEnum.LENIENT));

  private WeirSqlParser() {}

  /**
   * The one parser configuration of Weir: back-tick quoted identifiers, identifiers kept as
   * written, case-insensitive matching, lenient conformance. The planner takes its validator
   * settings (casing, conformance) from it too.
   */
  public static SqlParser.Config config() {
    return CONFIG;
  }

  /**
   * The dialect that writes SQL this parser reads back: identifiers quoted with back-ticks,
   * string literals with single quotes.
   */
  public static SqlDialect dialect() {
    return DIALECT;
  }

  /**
   * Parses a script of statements separated by {@code ;}. A trailing {@code ;}, blank lines and
   * comments are allowed; an empty script gives an empty list. Each statement keeps the position
   * it has in the whole script.
   */
  public static SqlNodeList parseStatements(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseStmtList();
  }

  /** Parses exactly one statement, without a trailing {@code ;}. */
  public static SqlNode parseStatement(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseStmt();
  }

  /**
   * Parses one scalar expression, such as a computed column's or a watermark's stored text
   * ({@code ts - INTERVAL '5' SECOND}).
   */
  public static SqlNode parseExpression(String sql) throws SqlParseException {
    return SqlParser.create(sql, CONFIG).parseExpression();
  }

  /** Writes a statement or expression as SQL text in {@link #dialect()}. */
  public static String unparse(SqlNode node) {
    return node.toSqlString(DIALECT).getSql();
  }
}
