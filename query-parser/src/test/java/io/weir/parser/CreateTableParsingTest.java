package io.weir.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.weir.parser.ddl.SqlComputedColumn;
import io.weir.parser.ddl.SqlCreateTable;
import io.weir.parser.ddl.SqlRegularColumn;
import io.weir.parser.ddl.SqlTableColumn;
import io.weir.parser.ddl.SqlWatermark;
import java.util.List;
import org.apache.calcite.sql.SqlAlienSystemTypeNameSpec;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class CreateTableParsingTest {

  private static SqlCreateTable parse(String sql) throws SqlParseException {
    return (SqlCreateTable) WeirSqlParser.parseStatement(sql);
  }

  private static SqlBasicTypeNameSpec basicType(SqlTableColumn column) {
    return (SqlBasicTypeNameSpec) ((SqlRegularColumn) column).type().getTypeNameSpec();
  }

  @Test
  void whenCreateTableHasPhysicalColumns_thenNamesTypesAndNullabilityParsed() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE bid (auction BIGINT NOT NULL, price DECIMAL(10, 2),"
        + " bidder VARCHAR(32) NULL, channel CHAR(4))");

    assertThat(table.name().names).containsExactly("bid");
    assertThat(table.ifNotExists()).isFalse();
    assertThat(table.columns()).extracting(c -> c.name().getSimple())
        .containsExactly("auction", "price", "bidder", "channel");
    SqlRegularColumn auction = (SqlRegularColumn) table.columns().get(0);
    assertThat(auction.notNull()).isTrue();
    assertThat(auction.type().getNullable()).isFalse();
    assertThat(basicType(auction).getTypeName().getSimple()).isEqualTo("BIGINT");
    SqlBasicTypeNameSpec price = basicType(table.columns().get(1));
    assertThat(price.getTypeName().getSimple()).isEqualTo("DECIMAL");
    assertThat(price.getPrecision()).isEqualTo(10);
    assertThat(price.getScale()).isEqualTo(2);
    assertThat(((SqlRegularColumn) table.columns().get(2)).notNull()).isFalse();
    assertThat(basicType(table.columns().get(2)).getPrecision()).isEqualTo(32);
    assertThat(basicType(table.columns().get(3)).getTypeName().getSimple()).isEqualTo("CHAR");
    assertThat(table.watermark()).isEmpty();
    assertThat(table.primaryKey()).isEmpty();
    assertThat(table.options()).isEmpty();
    assertThat(table.comment()).isEmpty();
  }

  @Test
  void whenCreateTableHasIfNotExistsAndQualifiedName_thenBothParsed() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE IF NOT EXISTS db.t (a INT)");

    assertThat(table.ifNotExists()).isTrue();
    assertThat(table.name().names).containsExactly("db", "t");
  }

  @Test
  void whenColumnsUseStandardTypes_thenEachMapsToItsSqlTypeName() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE t (a INT, b BOOLEAN, c DATE, d TIME, e DOUBLE,"
        + " f FLOAT, g TINYINT, h SMALLINT, i BIGINT, j TIMESTAMP(3), k TIMESTAMP,"
        + " l TIMESTAMP(6) WITH LOCAL TIME ZONE, m VARBINARY(8), n INTEGER, o REAL)");

    assertThat(table.columns()).extracting(c -> basicTypeName(c))
        .containsExactly(SqlTypeName.INTEGER, SqlTypeName.BOOLEAN, SqlTypeName.DATE,
            SqlTypeName.TIME, SqlTypeName.DOUBLE, SqlTypeName.FLOAT, SqlTypeName.TINYINT,
            SqlTypeName.SMALLINT, SqlTypeName.BIGINT, SqlTypeName.TIMESTAMP, SqlTypeName.TIMESTAMP,
            SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, SqlTypeName.VARBINARY,
            SqlTypeName.INTEGER, SqlTypeName.REAL);
    assertThat(basicType(table.columns().get(9)).getPrecision()).isEqualTo(3);
    assertThat(basicType(table.columns().get(10)).getPrecision()).isEqualTo(-1);
    assertThat(basicType(table.columns().get(11)).getPrecision()).isEqualTo(6);
  }

  private static SqlTypeName basicTypeName(SqlTableColumn column) {
    return SqlTypeName.get(basicType(column).getTypeName().getSimple());
  }

  @Test
  void whenColumnsUseFlinkTypes_thenStringBytesAndTimestampLtzMapToCalciteTypes()
      throws Exception {
    SqlCreateTable table =
        parse("CREATE TABLE t (s STRING, b bytes, ts TIMESTAMP_LTZ(3), ts0 TIMESTAMP_LTZ)");

    SqlDataTypeSpec string = ((SqlRegularColumn) table.columns().get(0)).type();
    assertThat(string.getTypeNameSpec()).isInstanceOf(SqlAlienSystemTypeNameSpec.class);
    assertThat(string.getTypeName().getSimple()).isEqualTo("VARCHAR");
    assertThat(basicType(table.columns().get(0)).getPrecision()).isEqualTo(-1);
    assertThat(basicType(table.columns().get(1)).getTypeName().getSimple())
        .isEqualTo("VARBINARY");
    SqlBasicTypeNameSpec ltz = basicType(table.columns().get(2));
    assertThat(ltz.getTypeName().getSimple()).isEqualTo("TIMESTAMP_WITH_LOCAL_TIME_ZONE");
    assertThat(ltz.getPrecision()).isEqualTo(3);
    assertThat(basicType(table.columns().get(3)).getPrecision()).isEqualTo(-1);
  }

  @Test
  void whenColumnHasUnknownTypeName_thenItIsAUserDefinedTypeName() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE t (a my_type)");

    SqlDataTypeSpec type = ((SqlRegularColumn) table.columns().get(0)).type();
    assertThat(type.getTypeName().getSimple()).isEqualTo("my_type");
  }

  @Test
  void whenCreateTableHasComputedColumn_thenExpressionParsed() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE t (price INT, doubled AS price * 2 COMMENT 'x2',"
        + " pt AS PROCTIME())");

    SqlComputedColumn doubled = (SqlComputedColumn) table.columns().get(1);
    assertThat(doubled.name().getSimple()).isEqualTo("doubled");
    assertThat(doubled.expression().getKind()).isEqualTo(SqlKind.TIMES);
    assertThat(doubled.comment()).contains("x2");
    SqlComputedColumn procTime = (SqlComputedColumn) table.columns().get(2);
    assertThat(((SqlBasicCall) procTime.expression()).getOperator().getName())
        .isEqualTo("PROCTIME");
  }

  @Test
  void whenCreateTableHasWatermark_thenColumnAndExpressionParsed() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE t (ts TIMESTAMP(3),"
        + " WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)");

    SqlWatermark watermark = table.watermark().orElseThrow();
    assertThat(watermark.column().getSimple()).isEqualTo("ts");
    assertThat(watermark.expression().getKind()).isEqualTo(SqlKind.MINUS);
    assertThat(WeirSqlParser.unparse(watermark.expression()))
        .isEqualTo("`ts` - INTERVAL '5' SECOND");
    assertThat(table.columns()).hasSize(1);
  }

  @Test
  void whenCreateTableHasPrimaryKeyConstraint_thenKeyColumnsParsedInOrder() throws Exception {
    SqlCreateTable table =
        parse("CREATE TABLE t (a INT, b INT, PRIMARY KEY (b, a) NOT ENFORCED)");

    assertThat(table.primaryKey()).extracting(SqlIdentifier::getSimple).containsExactly("b", "a");
  }

  @Test
  void whenColumnIsMarkedPrimaryKey_thenItIsTheTablePrimaryKey() throws Exception {
    SqlCreateTable table =
        parse("CREATE TABLE t (id BIGINT NOT NULL PRIMARY KEY NOT ENFORCED COMMENT 'key', v INT)");

    assertThat(table.primaryKey()).extracting(SqlIdentifier::getSimple).containsExactly("id");
    assertThat(table.columns().get(0).comment()).contains("key");
    assertThat(((SqlRegularColumn) table.columns().get(0)).notNull()).isTrue();
  }

  @Test
  void whenCreateTableHasCommentAndOptions_thenBothParsedInOrder() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE t (a INT COMMENT 'the a') COMMENT 'a table'"
        + " WITH ('connector' = 'kafka', 'topic' = 'bids', 'format' = 'it''s json')");

    assertThat(table.comment()).contains("a table");
    assertThat(table.columns().get(0).comment()).contains("the a");
    assertThat(table.optionMap()).containsExactly(
        entry("connector", "kafka"), entry("topic", "bids"), entry("format", "it's json"));
    assertThat(table.options()).extracting(o -> o.key())
        .containsExactly("connector", "topic", "format");
  }

  @Test
  void whenKeywordsAreColumnNames_thenTheyParseAsColumns() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE t (watermark BIGINT, tables INT, views INT,"
        + " reset INT, proctime TIMESTAMP(3), comment STRING, enforced BOOLEAN, string INT,"
        + " `timestamp_ltz` INT, `if` INT, WATERMARK FOR proctime AS proctime)");

    assertThat(table.columns()).extracting(c -> c.name().getSimple()).containsExactly(
        "watermark", "tables", "views", "reset", "proctime", "comment", "enforced", "string",
        "timestamp_ltz", "if");
    assertThat(table.watermark()).isPresent();
  }

  @Test
  void whenIdentifiersAreBackTicked_thenCaseAndSpacesAreKept() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE `My Table` (`Select` INT, MixedCase INT)");

    assertThat(table.name().getSimple()).isEqualTo("My Table");
    assertThat(table.columns()).extracting(c -> c.name().getSimple())
        .containsExactly("Select", "MixedCase");
  }

  @Test
  void whenElementsComeInAnyOrder_thenColumnsKeepTheirOrder() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE t (PRIMARY KEY (a) NOT ENFORCED, a INT,"
        + " WATERMARK FOR ts AS ts, ts TIMESTAMP(3))");

    assertThat(table.columns()).extracting(c -> c.name().getSimple()).containsExactly("a", "ts");
    assertThat(table.primaryKey()).hasSize(1);
    assertThat(table.watermark()).isPresent();
  }

  @Test
  void whenOptionsAreRead_thenTheyAreUnmodifiable() throws Exception {
    SqlCreateTable table = parse("CREATE TABLE t (a INT) WITH ('k' = 'v')");

    List<?> columns = table.columns();
    assertThatThrownBy(() -> table.optionMap().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> columns.clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
