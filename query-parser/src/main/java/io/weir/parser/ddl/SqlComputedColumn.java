package io.weir.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * A computed column {@code name AS expression [COMMENT 'text']}, such as
 * {@code proc_time AS PROCTIME()}. The expression is unvalidated; its type is derived by the
 * planner.
 */
public final class SqlComputedColumn extends SqlTableColumn {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("COMPUTED COLUMN", SqlKind.COLUMN_DECL);

  private final SqlNode expression;

  /**
   * Creates a computed column.
   *
   * @param comment the COMMENT literal, or null
   */
  public SqlComputedColumn(SqlParserPos pos, SqlIdentifier name, SqlNode expression,
      SqlCharStringLiteral comment) {
    super(pos, name, comment);
    this.expression = expression;
  }

  public SqlNode expression() {
    return expression;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name(), expression, commentLiteral());
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    name().unparse(writer, 0, 0);
    writer.keyword("AS");
    expression.unparse(writer, 0, 0);
    Unparsing.comment(writer, commentLiteral());
  }
}
