package io.weir.parser.ddl;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;

/**
 * The statement {@code RESET 'key'}, which restores one session property to its default, or
 * {@code RESET} alone, which restores all of them (then {@link #key()} is empty).
 *
 * <p>Calcite's {@code RESET name} and {@code RESET ALL} with unquoted words are not this node
 * but Calcite's {@link org.apache.calcite.sql.SqlSetOption}.
 */
public final class SqlResetProperty extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("RESET", SqlKind.SET_OPTION);

  private final SqlCharStringLiteral key;

  /**
   * Creates the statement.
   *
   * @param key the property key, or null to reset all properties
   */
  public SqlResetProperty(SqlParserPos pos, SqlCharStringLiteral key) {
    super(pos);
    this.key = key;
  }

  public Optional<String> key() {
    return Literals.optionalText(key);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  /** Returns the key, null for {@code RESET} alone. */
  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(key);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("RESET");
    if (key != null) {
      key.unparse(writer, 0, 0);
    }
  }
}
