package io.weir.parser.ddl;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The statement {@code DESCRIBE name} or {@code DESC name} (an optional TABLE keyword after
 * DESCRIBE is accepted): describe the columns of a table or view.
 */
public final class SqlDescribeTable extends SqlCall {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("DESCRIBE", SqlKind.DESCRIBE_TABLE);

  private final SqlIdentifier name;

  public SqlDescribeTable(SqlParserPos pos, SqlIdentifier name) {
    super(pos);
    this.name = name;
  }

  public SqlIdentifier name() {
    return name;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of(name);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DESCRIBE");
    name.unparse(writer, 0, 0);
  }
}
