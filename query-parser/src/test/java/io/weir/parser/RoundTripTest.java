package io.weir.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.parser.ddl.SqlCreateTable;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.Litmus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RoundTripTest {

  /** Parses, unparses and parses again: both trees are equal and the text is stable. */
  private static String assertRoundTrip(String sql) throws Exception {
    SqlNode parsed = WeirSqlParser.parseStatement(sql);
    String unparsed = WeirSqlParser.unparse(parsed);
    SqlNode reparsed = WeirSqlParser.parseStatement(unparsed);

    assertThat(reparsed.equalsDeep(parsed, Litmus.IGNORE))
        .as("re-parsed tree of%n%s", unparsed).isTrue();
    assertThat(WeirSqlParser.unparse(reparsed)).isEqualTo(unparsed);
    return unparsed;
  }

  @Test
  void whenCreateTableIsUnparsed_thenItReparsesToAnEqualStatement() throws Exception {
    String unparsed = assertRoundTrip("CREATE TABLE IF NOT EXISTS `My Db`.bid (\n"
        + "  auction BIGINT NOT NULL COMMENT 'auction id',\n"
        + "  `Price` DECIMAL(10, 2),\n"
        + "  bidder STRING,\n"
        + "  payload BYTES,\n"
        + "  ts TIMESTAMP(3),\n"
        + "  ts_ltz TIMESTAMP_LTZ(3),\n"
        + "  `select` VARCHAR(10) NULL,\n"
        + "  price_eur AS `Price` * 0.908 COMMENT 'converted',\n"
        + "  pt AS PROCTIME(),\n"
        + "  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND,\n"
        + "  PRIMARY KEY (auction, bidder) NOT ENFORCED\n"
        + ") COMMENT 'bids of ''nexmark'''\n"
        + "WITH ('connector' = 'kafka', 'topic' = 'bids', 'properties.group.id' = 'wé`ir')");

    assertThat(unparsed).contains("`My Db`.`bid`", "`Price` * 0.908", "STRING", "BYTES",
        "TIMESTAMP(3) WITH LOCAL TIME ZONE", "'bids of ''nexmark'''", "'wé`ir'");
  }

  @Test
  void whenCreateTableIsUnparsed_thenOptionsAndWatermarkSurviveByValue() throws Exception {
    SqlCreateTable table = (SqlCreateTable) WeirSqlParser.parseStatement(
        "CREATE TABLE t (ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' MINUTE)"
            + " WITH ('a' = 'x''y', 'b' = '')");

    SqlCreateTable reparsed =
        (SqlCreateTable) WeirSqlParser.parseStatement(WeirSqlParser.unparse(table));

    assertThat(reparsed.optionMap()).isEqualTo(table.optionMap());
    assertThat(WeirSqlParser.unparse(reparsed.watermark().orElseThrow().expression()))
        .isEqualTo("`ts` - INTERVAL '1' MINUTE");
  }

  @Test
  void whenPrimaryKeyWasInline_thenUnparsedAsConstraintWithSameKey() throws Exception {
    String unparsed =
        assertRoundTrip("CREATE TABLE t (id INT PRIMARY KEY NOT ENFORCED, v STRING)");

    assertThat(unparsed).contains("PRIMARY KEY (`id`) NOT ENFORCED");
  }

  @Test
  void whenCreateViewIsUnparsed_thenItReparsesToAnEqualStatement() throws Exception {
    String unparsed = assertRoundTrip("CREATE OR REPLACE VIEW IF NOT EXISTS `V` (a, `B`) AS"
        + " SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts),"
        + " INTERVAL '10' SECOND)) GROUP BY window_start, window_end");

    assertThat(unparsed).startsWith("CREATE OR REPLACE VIEW IF NOT EXISTS `V` (`a`, `B`) AS");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CREATE VIEW v AS SELECT a FROM t WHERE b > 1",
      "DROP TABLE IF EXISTS t",
      "DROP VIEW db.v",
      "SHOW TABLES",
      "SHOW VIEWS",
      "DESC t",
      "EXPLAIN SELECT * FROM t",
      "EXPLAIN INSERT INTO s (a) SELECT a FROM t",
      "SET 'table.exec.mini-batch.enabled' = 'true'",
      "SET",
      "RESET 'k'",
      "RESET",
      "INSERT INTO s SELECT * FROM t",
      "SELECT watermark, tables FROM t ORDER BY watermark LIMIT 3"
  })
  void whenStatementIsUnparsed_thenItReparsesToAnEqualStatement(String sql) throws Exception {
    assertRoundTrip(sql);
  }
}
