package io.weir.parser.ddl;

import java.util.Optional;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A column of a CREATE TABLE: either a {@link SqlRegularColumn} with a declared type or a
 * {@link SqlComputedColumn} defined by an expression. Columns keep the order they were written in.
 */
public abstract sealed class SqlTableColumn extends SqlCall
    permits SqlRegularColumn, SqlComputedColumn {
  private final SqlIdentifier name;
  private final SqlCharStringLiteral comment;

  SqlTableColumn(SqlParserPos pos, SqlIdentifier name, SqlCharStringLiteral comment) {
    super(pos);
    this.name = name;
    this.comment = comment;
  }

  public SqlIdentifier name() {
    return name;
  }

  public Optional<String> comment() {
    return Literals.optionalText(comment);
  }

  /** The COMMENT literal, or null when the column has none. */
  SqlCharStringLiteral commentLiteral() {
    return comment;
  }
}
