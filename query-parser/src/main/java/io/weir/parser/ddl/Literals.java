package io.weir.parser.ddl;

import java.util.Optional;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Reads and makes the literals that statement nodes keep. */
final class Literals {
  private Literals() {}

  static String text(SqlCharStringLiteral literal) {
    return literal.getValueAs(String.class);
  }

  static Optional<String> optionalText(SqlNode nullableLiteral) {
    return Optional.ofNullable((SqlCharStringLiteral) nullableLiteral).map(Literals::text);
  }

  static SqlLiteral flag(boolean value) {
    return SqlLiteral.createBoolean(value, SqlParserPos.ZERO);
  }
}
