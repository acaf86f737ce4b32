package io.weir.parser.ddl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * The statement
 *
 * <pre>
 * CREATE TABLE [IF NOT EXISTS] name (
 *     column_definition | WATERMARK FOR column AS expression | PRIMARY KEY (column, ...) NOT ENFORCED
 *     [, ...])
 *   [COMMENT 'text']
 *   [WITH ('key' = 'value', ...)]
 * </pre>
 *
 * <p>The parser guarantees at most one watermark, at most one primary key (written as a table
 * constraint or inline on one column) and distinct option keys. Everything else (that the named
 * columns exist, the types, the option values) is for the planner to check.
 *
 * <p>{@link #unparse} writes a statement that re-parses to an equal one; an inline primary key
 * comes back as a table constraint.
 */
public final class SqlCreateTable extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  private final SqlIdentifier name;
  private final SqlNodeList columns;
  private final SqlWatermark watermark;
  private final SqlNodeList primaryKey;
  private final SqlNodeList tableOptions;
  private final SqlCharStringLiteral comment;

  /**
   * Creates the statement.
   *
   * @param columns {@link SqlTableColumn}s in written order
   * @param watermark the watermark clause, or null
   * @param primaryKey the key's {@link SqlIdentifier}s, empty if there is no primary key
   * @param tableOptions {@link SqlTableOption}s with distinct keys, in written order
   * @param comment the COMMENT literal, or null
   */
  public SqlCreateTable(SqlParserPos pos, boolean ifNotExists, SqlIdentifier name,
      SqlNodeList columns, SqlWatermark watermark, SqlNodeList primaryKey,
      SqlNodeList tableOptions, SqlCharStringLiteral comment) {
    super(OPERATOR, pos, false, ifNotExists);
    this.name = name;
    this.columns = columns;
    this.watermark = watermark;
    this.primaryKey = primaryKey;
    this.tableOptions = tableOptions;
    this.comment = comment;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  public List<SqlTableColumn> columns() {
    return nodes(columns, SqlTableColumn.class);
  }

  public Optional<SqlWatermark> watermark() {
    return Optional.ofNullable(watermark);
  }

  /** The primary key's columns in key order; empty when the table has no primary key. */
  public List<SqlIdentifier> primaryKey() {
    return nodes(primaryKey, SqlIdentifier.class);
  }

  /** The WITH options in written order; empty when there is no WITH clause. */
  public List<SqlTableOption> options() {
    return nodes(tableOptions, SqlTableOption.class);
  }

  /** The WITH options as key to value, in written order. */
  public Map<String, String> optionMap() {
    final Map<String, String> map = new LinkedHashMap<>();
    for (SqlTableOption option : options()) {
      map.put(option.key(), option.value());
    }
    return Collections.unmodifiableMap(map);
  }

  public Optional<String> comment() {
    return Literals.optionalText(comment);
  }

  /**
   * Returns name, IF NOT EXISTS flag (a BOOLEAN literal), columns, watermark (may be null),
   * primary key, options and comment (may be null).
   */
  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Literals.flag(ifNotExists), columns, watermark,
        primaryKey, tableOptions, comment);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("CREATE TABLE");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    final SqlWriter.Frame body = writer.startList("(", ")");
    for (SqlNode column : columns) {
      writer.sep(",");
      writer.newlineAndIndent();
      column.unparse(writer, 0, 0);
    }
    if (watermark != null) {
      writer.sep(",");
      writer.newlineAndIndent();
      watermark.unparse(writer, 0, 0);
    }
    if (!primaryKey.isEmpty()) {
      writer.sep(",");
      writer.newlineAndIndent();
      writer.keyword("PRIMARY KEY");
      Unparsing.parenthesized(writer, primaryKey);
      writer.keyword("NOT ENFORCED");
    }
    writer.newlineAndIndent();
    writer.endList(body);
    Unparsing.comment(writer, comment);
    if (!tableOptions.isEmpty()) {
      writer.newlineAndIndent();
      writer.keyword("WITH");
      final SqlWriter.Frame frame = writer.startList("(", ")");
      for (SqlNode option : tableOptions) {
        writer.sep(",");
        writer.newlineAndIndent();
        option.unparse(writer, 0, 0);
      }
      writer.newlineAndIndent();
      writer.endList(frame);
    }
  }

  private static <T extends SqlNode> List<T> nodes(SqlNodeList list, Class<T> type) {
    return list.stream().map(type::cast).toList();
  }
}
