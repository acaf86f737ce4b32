package io.weir.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.junit.jupiter.api.Test;

class ParseErrorTest {

  private static SqlParseException parseError(String sql) {
    return catchThrowableOfType(SqlParseException.class,
        () -> WeirSqlParser.parseStatements(sql));
  }

  @Test
  void whenErrorIsOnSecondLine_thenLineAndColumnPointAtIt() {
    SqlParseException error = parseError("SELECT a\nFROM tt)");

    assertThat(error).isNotNull();
    assertThat(error.getPos().getLineNum()).isEqualTo(2);
    assertThat(error.getPos().getColumnNum()).isEqualTo(8);
  }

  @Test
  void whenColumnDefinitionIsBroken_thenErrorPointsAtTheToken() {
    SqlParseException error = parseError("CREATE TABLE t (\n  a INT,\n  b INT NOT ENFORCED)");

    assertThat(error.getPos().getLineNum()).isEqualTo(3);
    assertThat(error.getPos().getColumnNum()).isEqualTo(13);
  }

  @Test
  void whenOptionKeyIsRepeated_thenParseErrorAtTheSecondKey() {
    SqlParseException error =
        parseError("CREATE TABLE t (a INT)\nWITH ('k' = '1', 'x' = '2', 'k' = '3')");

    assertThat(error.getMessage()).contains("Duplicate option key 'k'");
    assertThat(error.getPos()).isEqualTo(new SqlParserPos(2, 29, 2, 31));
  }

  @Test
  void whenTableHasTwoWatermarks_thenParseError() {
    SqlParseException error = parseError("CREATE TABLE t (ts TIMESTAMP(3),"
        + " WATERMARK FOR ts AS ts, WATERMARK FOR ts AS ts)");

    assertThat(error.getMessage()).contains("at most one WATERMARK");
    assertThat(error.getPos().getColumnNum()).isEqualTo(58);
  }

  @Test
  void whenTableHasTwoPrimaryKeys_thenParseError() {
    SqlParseException error = parseError(
        "CREATE TABLE t (a INT PRIMARY KEY NOT ENFORCED, PRIMARY KEY (a) NOT ENFORCED)");

    assertThat(error.getMessage()).contains("at most one PRIMARY KEY");
  }

  @Test
  void whenPrimaryKeyLacksNotEnforced_thenParseError() {
    SqlParseException error = parseError("CREATE TABLE t (a INT, PRIMARY KEY (a))");

    assertThat(error.getMessage()).contains("NOT");
    assertThat(error.getPos().getColumnNum()).isEqualTo(39);
  }

  @Test
  void whenCreateOrReplaceTable_thenParseError() {
    SqlParseException error = parseError("CREATE OR REPLACE TABLE t (a INT)");

    assertThat(error.getMessage()).contains("CREATE OR REPLACE TABLE is not supported");
  }

  @Test
  void whenOptionKeyIsNotQuoted_thenParseError() {
    SqlParseException error = parseError("CREATE TABLE t (a INT) WITH (connector = 'kafka')");

    assertThat(error.getPos().getColumnNum()).isEqualTo(30);
  }

  @Test
  void whenSecondStatementIsBroken_thenPositionIsWithinTheScript() {
    SqlParseException error = parseError("SHOW TABLES;\nSELECT a FROM t WHERE;");

    assertThat(error.getPos().getLineNum()).isEqualTo(2);
    assertThat(error.getPos().getColumnNum()).isEqualTo(22);
  }

  @Test
  void whenIdentifierIsLongerThan256Characters_thenParseError() {
    String longName = "c".repeat(257);

    SqlParseException error = parseError("SELECT " + longName + " FROM t");

    assertThat(error.getMessage()).contains("must be less than or equal to 256 characters");
    assertThat(parseError("SELECT " + "c".repeat(256) + " FROM t")).isNull();
  }
}
