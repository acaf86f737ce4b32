package io.weir.parser.ddl;

import java.util.List;
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
 * The statement {@code CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name [(column, ...)] AS query}.
 * The parser accepts OR REPLACE together with IF NOT EXISTS; what the pair means is the
 * planner's decision.
 */
public final class SqlCreateView extends SqlCreate {
  private static final SqlOperator OPERATOR =
      new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  private final SqlIdentifier name;
  private final SqlNodeList columnList;
  private final SqlNode query;

  /**
   * Creates the statement.
   *
   * @param columnList the view's column names, or null when the query's names are used
   */
  public SqlCreateView(SqlParserPos pos, boolean orReplace, boolean ifNotExists,
      SqlIdentifier name, SqlNodeList columnList, SqlNode query) {
    super(OPERATOR, pos, orReplace, ifNotExists);
    this.name = name;
    this.columnList = columnList;
    this.query = query;
  }

  public SqlIdentifier name() {
    return name;
  }

  public boolean orReplace() {
    return getReplace();
  }

  public boolean ifNotExists() {
    return ifNotExists;
  }

  /** The column names written after the view name; empty when none were written. */
  public List<SqlIdentifier> columnList() {
    return columnList == null
        ? List.of()
        : columnList.stream().map(SqlIdentifier.class::cast).toList();
  }

  /** The view's query: a SELECT, VALUES, WITH, set operation or ORDER BY node. */
  public SqlNode query() {
    return query;
  }

  /**
   * Returns name, OR REPLACE and IF NOT EXISTS flags (BOOLEAN literals), column list (may be
   * null) and query.
   */
  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(name, Literals.flag(getReplace()), Literals.flag(ifNotExists),
        columnList, query);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(getReplace() ? "CREATE OR REPLACE VIEW" : "CREATE VIEW");
    if (ifNotExists) {
      writer.keyword("IF NOT EXISTS");
    }
    name.unparse(writer, 0, 0);
    if (columnList != null) {
      Unparsing.parenthesized(writer, columnList);
    }
    writer.keyword("AS");
    writer.newlineAndIndent();
    query.unparse(writer, 0, 0);
  }
}
