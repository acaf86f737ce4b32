package io.weir.planner.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.planner.validate.WeirTypeSystem;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSyntax;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlNameMatchers;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;
import org.junit.jupiter.api.Test;

class WeirFunctionsTest {

    /** The expression as the validator and converter see it, over a row {@code (ts TIMESTAMP(3), s VARCHAR, i INT)}. */
    private static RexNode plan(String expression) throws Exception {
        FrameworkConfig config = Frameworks.newConfigBuilder()
                .parserConfig(SqlParser.config().withQuoting(Quoting.BACK_TICK).withQuotedCasing(Casing.UNCHANGED)
                        .withUnquotedCasing(Casing.UNCHANGED).withCaseSensitive(false)
                        .withConformance(SqlConformanceEnum.LENIENT))
                .sqlValidatorConfig(SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.LENIENT))
                .operatorTable(WeirFunctions.operatorTable())
                .typeSystem(WeirTypeSystem.INSTANCE)
                .defaultSchema(Frameworks.createRootSchema(true))
                .build();
        Planner planner = Frameworks.getPlanner(config);
        try {
            var parsed = planner.parse("SELECT " + expression + ", i FROM (VALUES (CAST(NULL AS TIMESTAMP(3)), "
                    + "CAST(NULL AS VARCHAR), CAST(NULL AS INT))) AS t(ts, s, i)");
            var rel = planner.rel(planner.validate(parsed)).rel;
            return ((LogicalProject) rel).getProjects().get(0);
        } finally {
            planner.close();
        }
    }

    private static SqlOperator operatorOf(String expression) throws Exception {
        return ((RexCall) plan(expression)).getOperator();
    }

    @Test
    void flinkFunctionsWinOverLibraryFunctionsOfTheSameName() throws Exception {
        assertThat(operatorOf("DATE_FORMAT(ts, 'yyyy-MM-dd')")).isSameAs(WeirFunctions.DATE_FORMAT);
        assertThat(operatorOf("REGEXP_EXTRACT(s, 'a(.)', 1)")).isSameAs(WeirFunctions.REGEXP_EXTRACT);
        assertThat(operatorOf("TO_TIMESTAMP(s)")).isSameAs(WeirFunctions.TO_TIMESTAMP);
        assertThat(operatorOf("TO_DATE(s, 'dd/MM/yyyy')")).isSameAs(WeirFunctions.TO_DATE);
        assertThat(operatorOf("LPAD(s, 3, 'x')")).isSameAs(WeirFunctions.LPAD);
        assertThat(operatorOf("CURRENT_TIMESTAMP")).isSameAs(WeirFunctions.CURRENT_TIMESTAMP);
    }

    @Test
    void flinkSignaturesValidate() throws Exception {
        assertThat(plan("SPLIT_INDEX(s, ',', 2)").getType().getFullTypeString()).isEqualTo("VARCHAR(2147483647)");
        assertThat(plan("REGEXP_EXTRACT(s, 'a+')").getType().isNullable()).isTrue();
        assertThat(plan("DATE_FORMAT(s, 'yyyy')").getType().getSqlTypeName().getName()).isEqualTo("VARCHAR");
        assertThat(plan("TO_TIMESTAMP(s, 'dd/MM/yyyy')").getType().getFullTypeString()).isEqualTo("TIMESTAMP(3)");
        assertThat(plan("NOW()").getType().getFullTypeString()).isEqualTo("TIMESTAMP_WITH_LOCAL_TIME_ZONE(3) NOT NULL");
        assertThat(plan("CURRENT_TIMESTAMP").getType().getFullTypeString()).isEqualTo("TIMESTAMP_WITH_LOCAL_TIME_ZONE(3) NOT NULL");
        assertThat(plan("LOCALTIMESTAMP").getType().getFullTypeString()).isEqualTo("TIMESTAMP(3) NOT NULL");
        assertThat(plan("UNIX_TIMESTAMP()").getType().getFullTypeString()).isEqualTo("BIGINT NOT NULL");
        assertThat(plan("FROM_UNIXTIME(i)").getType().getSqlTypeName().getName()).isEqualTo("VARCHAR");
        assertThat(plan("LPAD('a', 2, 'b')").getType().isNullable()).as("LPAD may return NULL").isTrue();
    }

    @Test
    void libraryFunctionsWithFlinksMeaningResolve() throws Exception {
        for (String expression : List.of("CONCAT(s, 'a', s)", "CONCAT_WS('-', s, s)", "REPEAT(s, 2)", "REVERSE(s)",
                "LEFT(s, 2)", "RIGHT(s, 2)", "IFNULL(i, 0)", "IF(i > 0, 1, 2)", "GREATEST(i, 2)", "LEAST(i, 2)",
                "LTRIM(s)", "RTRIM(s)", "LOG2(i)", "REGEXP(s, 'a')", "REGEXP_REPLACE(s, 'a', 'b')",
                "UPPER(s)", "SUBSTRING(s FROM 2)", "INITCAP(s)")) {
            assertThat(plan(expression)).as(expression).isNotNull();
        }
    }

    @Test
    void wrongArgumentsAreValidationErrors() {
        assertThatThrownBy(() -> plan("SPLIT_INDEX(s, ',')")).hasMessageContaining("SPLIT_INDEX");
        assertThatThrownBy(() -> plan("DATE_FORMAT(ts)")).hasMessageContaining("DATE_FORMAT");
    }

    @Test
    void ourTableIsConsultedBeforeTheStandardOne() {
        List<SqlOperator> found = new ArrayList<>();
        WeirFunctions.operatorTable().lookupOperatorOverloads(new SqlIdentifier("DATE_FORMAT", SqlParserPos.ZERO),
                SqlFunctionCategory.USER_DEFINED_FUNCTION, SqlSyntax.FUNCTION, found, SqlNameMatchers.withCaseSensitive(false));
        assertThat(found).first().isSameAs(WeirFunctions.DATE_FORMAT);
    }
}
