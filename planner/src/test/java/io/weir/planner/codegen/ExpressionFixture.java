package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import io.weir.planner.functions.WeirFunctions;
import io.weir.planner.validate.WeirTypeSystem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.FrameworkConfig;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.Planner;

/**
 * Turns real SQL expressions into compiled evaluators and runs them over rows given as Java values.
 *
 * <p>Columns are declared with SQL types ({@code "a INT, s VARCHAR, d DECIMAL(10, 2)"}); the fixture plans
 * {@code SELECT <expr> FROM (VALUES (CAST(NULL AS INT), ...)) AS t(a, s, d)} with the same parser,
 * validator and type system settings as Weir's planner, takes the projection's expression, compiles it and
 * evaluates it over a chunk built from the rows with {@link Values#setExternal}.
 */
final class ExpressionFixture {

    static final long QUERY_START = 1_700_000_000_123L; // 2023-11-14 22:13:20.123 UTC

    private final List<String> names = new ArrayList<>();
    private final List<String> sqlTypes = new ArrayList<>();
    private final List<Object[]> rows = new ArrayList<>();

    private ExpressionFixture() {
    }

    /** A fixture with the given columns, e.g. {@code "a INT, d DECIMAL(10, 2)"}. */
    static ExpressionFixture columns(String spec) {
        ExpressionFixture f = new ExpressionFixture();
        for (String column : splitTopLevel(spec)) {
            String trimmed = column.trim();
            int space = trimmed.indexOf(' ');
            f.names.add(trimmed.substring(0, space));
            f.sqlTypes.add(trimmed.substring(space + 1).trim());
        }
        return f;
    }

    /** A fixture with no columns and one row, for expressions over literals. */
    static ExpressionFixture noColumns() {
        ExpressionFixture f = columns("dummy_ INT");
        f.row(0);
        return f;
    }

    ExpressionFixture row(Object... values) {
        if (values == null) {
            values = new Object[] {null};
        }
        rows.add(values);
        return this;
    }

    /** The value of a literal-only expression. */
    static Object value(String expression) {
        return noColumns().eval(expression).get(0);
    }

    /** The expression as Calcite plans it (for tests that inspect the shape). */
    RexNode rex(String expression) {
        return plan(expression).expression;
    }

    /** Evaluates the expression over all rows in one chunk; one external value per row. */
    List<Object> eval(String expression) {
        Planned planned = plan(expression);
        ScalarEvaluator evaluator = compile(planned);
        Chunk chunk = chunk(planned.inputTypes, rows);
        Vector result = evaluator.evaluate(chunk);
        assertThat(result.physicalType()).isEqualTo(evaluator.type().physical());
        List<Object> out = new ArrayList<>();
        for (int r = 0; r < chunk.size(); r++) {
            out.add(Values.toExternal(evaluator.type(), result, r));
        }
        return out;
    }

    /** Compiles the expression without evaluating it. */
    ScalarEvaluator compile(String expression) {
        return compile(plan(expression));
    }

    DataType type(String expression) {
        return compile(expression).type();
    }

    private ScalarEvaluator compile(Planned planned) {
        ExpressionCompiler compiler = new ExpressionCompiler(planned.rexBuilder, QUERY_START);
        ScalarEvaluator evaluator = compiler.compile(planned.expression, planned.inputTypes);
        assertThat(evaluator.type())
                .as("evaluator type of %s", planned.expression)
                .isEqualTo(DataTypes.toDataType(planned.expression.getType()));
        return evaluator;
    }

    static Chunk chunk(List<DataType> types, List<Object[]> rows) {
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Vector.allocate(types.get(c), rows.size());
            for (int r = 0; r < rows.size(); r++) {
                Values.setExternal(types.get(c), columns[c], r, rows.get(r)[c]);
            }
        }
        return new Chunk(columns, rows.size());
    }

    private record Planned(RexNode expression, RexBuilder rexBuilder, List<DataType> inputTypes) {
    }

    private Planned plan(String expression) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < sqlTypes.size(); i++) {
            values.append(i == 0 ? "" : ", ").append("CAST(NULL AS ").append(sqlTypes.get(i)).append(')');
        }
        // The trailing column keeps the projection from collapsing into VALUES when every expression is a literal.
        String sql = "SELECT " + expression + ", " + names.get(0) + " FROM (VALUES (" + values + ")) AS t("
                + String.join(", ", names) + ")";
        Planner planner = Frameworks.getPlanner(config());
        try {
            SqlNode parsed = planner.parse(sql);
            SqlNode validated = planner.validate(parsed);
            RelRoot root = planner.rel(validated);
            RelNode rel = root.rel;
            if (!(rel instanceof LogicalProject project)) {
                throw new AssertionError("Expected a projection for " + sql + " but got\n" + rel.explain());
            }
            RexNode rex = project.getProjects().get(0);
            List<DataType> inputTypes = DataTypes.toDataTypes(project.getInput().getRowType());
            return new Planned(rex, project.getCluster().getRexBuilder(), inputTypes);
        } catch (Exception e) {
            throw new AssertionError("Cannot plan " + sql + ": " + e.getMessage(), e);
        } finally {
            planner.close();
        }
    }

    private static FrameworkConfig config() {
        SqlParser.Config parser = SqlParser.config()
                .withQuoting(Quoting.BACK_TICK)
                .withQuotedCasing(Casing.UNCHANGED)
                .withUnquotedCasing(Casing.UNCHANGED)
                .withCaseSensitive(false)
                .withConformance(SqlConformanceEnum.LENIENT);
        return Frameworks.newConfigBuilder()
                .parserConfig(parser)
                .sqlValidatorConfig(SqlValidator.Config.DEFAULT.withConformance(SqlConformanceEnum.LENIENT))
                .operatorTable(WeirFunctions.operatorTable())
                // As Flink: IN lists of any length stay expressions (SEARCH) instead of becoming joins.
                .sqlToRelConverterConfig(SqlToRelConverter.config().withInSubQueryThreshold(Integer.MAX_VALUE))
                .typeSystem(WeirTypeSystem.INSTANCE)
                .defaultSchema(Frameworks.createRootSchema(true))
                .build();
    }

    private static List<String> splitTopLevel(String spec) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < spec.length(); i++) {
            char ch = spec.charAt(i);
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                parts.add(spec.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(spec.substring(start));
        return parts;
    }

    @Override
    public String toString() {
        return "columns " + names + " " + sqlTypes + ", rows " + rows.stream().map(Arrays::toString).toList();
    }
}
