package io.weir.parser;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.parser.ddl.SqlCreateTable;
import io.weir.parser.ddl.SqlCreateView;
import io.weir.parser.ddl.SqlDescribeTable;
import io.weir.parser.ddl.SqlDropTable;
import io.weir.parser.ddl.SqlDropView;
import io.weir.parser.ddl.SqlExplainStatement;
import io.weir.parser.ddl.SqlResetProperty;
import io.weir.parser.ddl.SqlSetProperty;
import io.weir.parser.ddl.SqlShowTables;
import io.weir.parser.ddl.SqlShowViews;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDescribeSchema;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSetOption;
import org.junit.jupiter.api.Test;

class StatementParsingTest {

  private static SqlNode parse(String sql) throws Exception {
    return WeirSqlParser.parseStatement(sql);
  }

  @Test
  void whenCreateView_thenNameColumnsAndQueryParsed() throws Exception {
    SqlCreateView view = (SqlCreateView) parse("CREATE VIEW v (a, b) AS SELECT x, y FROM t");

    assertThat(view.name().getSimple()).isEqualTo("v");
    assertThat(view.orReplace()).isFalse();
    assertThat(view.ifNotExists()).isFalse();
    assertThat(view.columnList()).extracting(SqlIdentifier::getSimple).containsExactly("a", "b");
    assertThat(view.query()).isInstanceOf(SqlSelect.class);
  }

  @Test
  void whenCreateOrReplaceViewIfNotExists_thenBothFlagsSetAndNoColumnList() throws Exception {
    SqlCreateView view = (SqlCreateView) parse(
        "CREATE OR REPLACE VIEW IF NOT EXISTS db.v AS SELECT 1 AS x UNION ALL SELECT 2");

    assertThat(view.orReplace()).isTrue();
    assertThat(view.ifNotExists()).isTrue();
    assertThat(view.name().names).containsExactly("db", "v");
    assertThat(view.columnList()).isEmpty();
    assertThat(view.query().getKind()).isEqualTo(SqlKind.UNION);
  }

  @Test
  void whenDropTableOrView_thenNameAndIfExistsParsed() throws Exception {
    SqlDropTable table = (SqlDropTable) parse("DROP TABLE IF EXISTS t");
    SqlDropView view = (SqlDropView) parse("DROP VIEW db.v");

    assertThat(table.name().getSimple()).isEqualTo("t");
    assertThat(table.ifExists()).isTrue();
    assertThat(view.name().names).containsExactly("db", "v");
    assertThat(view.ifExists()).isFalse();
  }

  @Test
  void whenShowTablesOrViews_thenTheirNodesParsed() throws Exception {
    assertThat(parse("SHOW TABLES")).isInstanceOf(SqlShowTables.class);
    assertThat(parse("show views")).isInstanceOf(SqlShowViews.class);
  }

  @Test
  void whenDescribeOrDesc_thenTableNameParsed() throws Exception {
    SqlDescribeTable describe = (SqlDescribeTable) parse("DESCRIBE bid");
    SqlDescribeTable desc = (SqlDescribeTable) parse("DESC db.bid");
    SqlDescribeTable withTableWord = (SqlDescribeTable) parse("DESCRIBE TABLE bid");
    SqlDescribeTable tableNamedSchema = (SqlDescribeTable) parse("DESCRIBE schema");

    assertThat(describe.name().getSimple()).isEqualTo("bid");
    assertThat(desc.name().names).containsExactly("db", "bid");
    assertThat(withTableWord.name().getSimple()).isEqualTo("bid");
    assertThat(tableNamedSchema.name().getSimple()).isEqualTo("schema");
  }

  @Test
  void whenDescribeSchema_thenCalciteStatementStillParses() throws Exception {
    assertThat(parse("DESCRIBE SCHEMA s")).isInstanceOf(SqlDescribeSchema.class);
  }

  @Test
  void whenExplainQueryOrInsert_thenExplainStatementWrapsIt() throws Exception {
    SqlExplainStatement query = (SqlExplainStatement) parse("EXPLAIN SELECT * FROM t");
    SqlExplainStatement insert =
        (SqlExplainStatement) parse("EXPLAIN INSERT INTO s SELECT * FROM t");
    SqlExplainStatement planFor = (SqlExplainStatement) parse("EXPLAIN PLAN FOR SELECT 1");

    assertThat(query.statement()).isInstanceOf(SqlSelect.class);
    assertThat(insert.statement()).isInstanceOf(SqlInsert.class);
    assertThat(planFor.statement()).isInstanceOf(SqlSelect.class);
  }

  @Test
  void whenExplainPlanHasOptions_thenCalciteExplainParses() throws Exception {
    SqlNode explain = parse("EXPLAIN PLAN WITH TYPE FOR SELECT 1");

    assertThat(explain).isInstanceOf(SqlExplain.class);
  }

  @Test
  void whenSetWithKeyAndValue_thenBothParsed() throws Exception {
    SqlSetProperty set = (SqlSetProperty) parse("SET 'execution.parallelism' = '4'");

    assertThat(set.key()).contains("execution.parallelism");
    assertThat(set.value()).contains("4");
  }

  @Test
  void whenSetAlone_thenKeyAndValueAreEmpty() throws Exception {
    SqlSetProperty set = (SqlSetProperty) parse("SET");

    assertThat(set.key()).isEmpty();
    assertThat(set.value()).isEmpty();
  }

  @Test
  void whenSetWithUnquotedName_thenCalciteSetOptionParses() throws Exception {
    assertThat(parse("SET approx = 1")).isInstanceOf(SqlSetOption.class);
    assertThat(parse("RESET ALL")).isInstanceOf(SqlSetOption.class);
  }

  @Test
  void whenResetWithOrWithoutKey_thenKeyIsPresentOrEmpty() throws Exception {
    SqlResetProperty one = (SqlResetProperty) parse("RESET 'execution.parallelism'");
    SqlResetProperty all = (SqlResetProperty) parse("RESET");

    assertThat(one.key()).contains("execution.parallelism");
    assertThat(all.key()).isEmpty();
  }

  @Test
  void whenInsertInto_thenCalciteInsertWithColumnsParses() throws Exception {
    SqlInsert insert = (SqlInsert) parse("INSERT INTO sink (a, b) SELECT a, b FROM src");

    assertThat(insert.getTargetColumnList()).hasSize(2);
    assertThat(((SqlIdentifier) insert.getTargetTable()).getSimple()).isEqualTo("sink");
  }

  @Test
  void whenQueryUsesCalciteSyntax_thenItParses() throws Exception {
    String sql = "WITH w AS (SELECT a FROM t WHERE a IN (SELECT b FROM u))"
        + " SELECT a, COUNT(*) FROM w GROUP BY a HAVING COUNT(*) > 1"
        + " EXCEPT SELECT a, 1 FROM v ORDER BY 1 DESC LIMIT 10 OFFSET 5";

    assertThat(parse(sql).getKind()).isEqualTo(SqlKind.ORDER_BY);
    assertThat(parse("VALUES (1, 'a'), (2, 'b')").getKind()).isEqualTo(SqlKind.VALUES);
    assertThat(parse("SELECT * FROM t FETCH FIRST 3 ROWS ONLY").getKind())
        .isEqualTo(SqlKind.ORDER_BY);
  }

  @Test
  void whenQueryUsesTumbleWindowFunction_thenTableFunctionCallParses() throws Exception {
    SqlSelect select = (SqlSelect) parse(
        "SELECT * FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' SECOND))");

    SqlBasicCall collectionTable = (SqlBasicCall) select.getFrom();
    assertThat(collectionTable.getKind()).isEqualTo(SqlKind.COLLECTION_TABLE);
    SqlBasicCall tumble = (SqlBasicCall) collectionTable.operand(0);
    assertThat(tumble.getOperator().getName()).isEqualTo("TUMBLE");
    assertThat(tumble.operandCount()).isEqualTo(3);
  }

  @Test
  void whenQueryUsesHopAndSessionWithNamedArguments_thenTheyParse() throws Exception {
    assertThat(parse("SELECT window_start, COUNT(*) FROM TABLE(HOP(DATA => TABLE bid,"
        + " TIMECOL => DESCRIPTOR(ts), SLIDE => INTERVAL '2' SECOND,"
        + " SIZE => INTERVAL '10' SECOND)) GROUP BY window_start, window_end"))
        .isInstanceOf(SqlSelect.class);
    assertThat(parse("SELECT * FROM TABLE(SESSION(TABLE bid PARTITION BY bidder,"
        + " DESCRIPTOR(ts), INTERVAL '5' MINUTE))")).isInstanceOf(SqlSelect.class);
  }

  @Test
  void whenKeywordsAreSelectedAsColumns_thenTheyAreIdentifiers() throws Exception {
    SqlSelect select = (SqlSelect) parse(
        "SELECT watermark, tables, views, reset, proctime, comment, enforced, string, bytes"
            + " FROM t");

    assertThat(select.getSelectList()).extracting(n -> ((SqlIdentifier) n).getSimple())
        .containsExactly("watermark", "tables", "views", "reset", "proctime", "comment",
            "enforced", "string", "bytes");
  }

  @Test
  void whenNewKeywordsAreFunctionNames_thenTheyParseAsCalls() throws Exception {
    SqlSelect select = (SqlSelect) parse("SELECT IF(a > 1, 'x', 'y'), string(b) FROM t");

    assertThat(select.getSelectList()).extracting(n -> ((SqlBasicCall) n).getOperator().getName())
        .containsExactly("IF", "string");
  }

  @Test
  void whenDescribeStatementWord_thenCalciteExplainStillParses() throws Exception {
    assertThat(parse("DESCRIBE STATEMENT SELECT 1")).isInstanceOf(SqlExplain.class);
  }

  @Test
  void whenCastToFlinkType_thenItParses() throws Exception {
    SqlSelect select = (SqlSelect) parse("SELECT CAST(a AS STRING), CAST(b AS TIMESTAMP_LTZ(3))"
        + " FROM t");

    assertThat(WeirSqlParser.unparse(select.getSelectList()))
        .isEqualTo("CAST(`a` AS STRING), CAST(`b` AS TIMESTAMP(3) WITH LOCAL TIME ZONE)");
  }

  @Test
  void whenScriptHasSeveralStatements_thenEachIsParsedWithItsPosition() throws Exception {
    SqlNodeList statements = WeirSqlParser.parseStatements(
        "CREATE TABLE t (a INT) WITH ('connector' = 'datagen');\n"
            + "\n"
            + "-- the view\n"
            + "CREATE VIEW v AS SELECT a FROM t;\n"
            + "SET 'k' = 'v';\n"
            + "  INSERT INTO s SELECT * FROM v;\n");

    assertThat(statements).hasSize(4);
    assertThat(statements.get(0)).isInstanceOf(SqlCreateTable.class);
    assertThat(statements.get(1)).isInstanceOf(SqlCreateView.class);
    assertThat(statements.get(1).getParserPosition().getLineNum()).isEqualTo(4);
    assertThat(statements.get(2)).isInstanceOf(SqlSetProperty.class);
    assertThat(statements.get(3)).isInstanceOf(SqlInsert.class);
    assertThat(statements.get(3).getParserPosition().getLineNum()).isEqualTo(6);
    assertThat(statements.get(3).getParserPosition().getColumnNum()).isEqualTo(3);
  }

  @Test
  void whenScriptEndsWithBareSetOrReset_thenTheyEndAtTheSemicolon() throws Exception {
    SqlNodeList statements = WeirSqlParser.parseStatements("SET; RESET; SHOW TABLES");

    assertThat(statements).hasSize(3);
    assertThat(((SqlSetProperty) statements.get(0)).key()).isEmpty();
    assertThat(((SqlResetProperty) statements.get(1)).key()).isEmpty();
  }

  @Test
  void whenScriptIsEmpty_thenNoStatements() throws Exception {
    assertThat(WeirSqlParser.parseStatements("  -- nothing\n")).isEmpty();
  }

  @Test
  void whenExpressionIsParsed_thenItIsAnExpressionNode() throws Exception {
    SqlNode expression = WeirSqlParser.parseExpression("ts - INTERVAL '5' SECOND");

    assertThat(expression.getKind()).isEqualTo(SqlKind.MINUS);
  }
}
