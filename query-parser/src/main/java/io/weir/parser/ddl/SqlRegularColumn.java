package io.weir.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A physical column {@code name type [NOT NULL | NULL] [COMMENT 'text']}.
 *
 * <p>An inline {@code PRIMARY KEY NOT ENFORCED} on the column is not kept here: it becomes the
 * table's {@link SqlCreateTable#primaryKey()}.
 */
public final class SqlRegularColumn extends SqlTableColumn {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("REGULAR COLUMN", SqlKind.COLUMN_DECL);

  private final SqlDataTypeSpec type;
  private final boolean notNull;

  /**
   * Creates a column; {@code type} gets its nullability from {@code notNull}.
   *
   * @param comment the COMMENT literal, or null
   */
  public SqlRegularColumn(SqlParserPos pos, SqlIdentifier name, SqlDataTypeSpec type,
      boolean notNull, SqlCharStringLiteral comment) {
    super(pos, name, comment);
    this.type = type.withNullable(!notNull);
    this.notNull = notNull;
  }

  /** The declared type, as the parser read it, with {@link SqlDataTypeSpec#getNullable()} set. */
  public SqlDataTypeSpec type() {
    return type;
  }

  public boolean notNull() {
    return notNull;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name(), type, Literals.flag(notNull), commentLiteral());
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name().unparse(writer, 0, 0);
    type.unparse(writer, 0, 0);
    if (notNull) {
      writer.keyword("NOT NULL");
    }
    Unparsing.comment(writer, commentLiteral());
  }
}
