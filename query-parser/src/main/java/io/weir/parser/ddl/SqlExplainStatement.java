package io.weir.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The statement {@code EXPLAIN statement} (Flink's form) or {@code EXPLAIN PLAN FOR statement},
 * where the statement is a query or an INSERT. Calcite's EXPLAIN PLAN with options (a detail
 * level, WITH TYPE, AS JSON, ...) is not this node but Calcite's
 * {@link org.apache.calcite.sql.SqlExplain}.
 */
public final class SqlExplainStatement extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXPLAIN", SqlKind.EXPLAIN);

  private final SqlNode statement;

  public SqlExplainStatement(SqlParserPos pos, SqlNode statement) {
    super(pos);
    this.statement = statement;
  }

  /** The explained query or {@link org.apache.calcite.sql.SqlInsert}. */
  public SqlNode statement() {
    return statement;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(statement);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("EXPLAIN");
    writer.newlineAndIndent();
    statement.unparse(writer, 0, 0);
  }
}
