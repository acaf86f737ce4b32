package io.weir.parser.ddl;

import java.util.List;
import java.util.Objects;
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
 * The statement {@code SET 'key' = 'value'}, which sets a session property, or {@code SET}
 * alone, which lists them (then {@link #key()} and {@link #value()} are empty).
 *
 * <p>Calcite's {@code SET name = value} with an unquoted name is not this node but Calcite's
 * {@link org.apache.calcite.sql.SqlSetOption}.
 */
public final class SqlSetProperty extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("SET", SqlKind.SET_OPTION);

  private final SqlCharStringLiteral key;
  private final SqlCharStringLiteral value;

  /** Creates the statement; {@code key} and {@code value} are both null or both non-null. */
  public SqlSetProperty(SqlParserPos pos, SqlCharStringLiteral key, SqlCharStringLiteral value) {
    super(pos);
    if ((key == null) != (value == null)) {
      throw new IllegalArgumentException("SET needs both a key and a value, or neither");
    }
    this.key = key;
    this.value = value;
  }

  public Optional<String> key() {
    return Literals.optionalText(key);
  }

  public Optional<String> value() {
    return Literals.optionalText(value);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  /** Returns key and value, both null for {@code SET} alone. */
  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(key, value);
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SET");
    if (key != null) {
      key.unparse(writer, 0, 0);
      writer.keyword("=");
      Objects.requireNonNull(value).unparse(writer, 0, 0);
    }
  }
}
