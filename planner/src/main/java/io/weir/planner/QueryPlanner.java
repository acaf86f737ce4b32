package io.weir.planner;

import io.weir.executor.api.ResultCollector;
import io.weir.executor.api.WeirException;
import io.weir.executor.graph.JobGraph;
import io.weir.parser.WeirSqlParser;
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
import io.weir.executor.api.ErrorKind;
import io.weir.planner.catalog.Catalog;
import io.weir.planner.catalog.CatalogObject;
import io.weir.planner.catalog.CatalogSchema;
import io.weir.planner.catalog.TableDefinition;
import io.weir.planner.catalog.TableConnectors;
import io.weir.planner.codegen.DataTypes;
import io.weir.planner.codegen.ExpressionCompiler;
import io.weir.planner.jobgraph.JobGraphBuilder;
import io.weir.planner.logical.LogicalOptimizer;
import io.weir.planner.logical.WindowAggregates;
import io.weir.planner.physical.ChangelogModes;
import io.weir.planner.physical.PhysicalOptimizer;
import io.weir.planner.catalog.PhysicalTable;
import io.weir.planner.physical.PhysicalRel;
import io.weir.planner.physical.SinkPhysicalRel;
import io.weir.planner.validate.SqlErrors;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Weir's planner facade. For a query it reads as the pipeline:
 * {@code parse -> validate -> toRel -> optimize -> toJobGraph}; catalog statements (CREATE, DROP, SHOW,
 * DESCRIBE) are carried out here and answered at once. Thread-safe: each statement is planned in its own
 * {@link PlanningSession} against a snapshot of the catalog.
 */
public final class QueryPlanner {

    private final Catalog catalog;
    private final TableConnectors connectors;
    private final Clock clock;
    private final DdlStatements ddl;

    public QueryPlanner(Catalog catalog, TableConnectors connectors, Clock clock) {
        this.catalog = catalog;
        this.connectors = connectors;
        this.clock = clock;
        this.ddl = new DdlStatements(catalog, connectors);
    }

    public Catalog catalog() {
        return catalog;
    }

    /** Splits a request into statements; a syntax error carries its line and column. */
    public List<SqlNode> parse(String sql) {
        try {
            SqlNodeList statements = WeirSqlParser.parseStatements(sql);
            if (statements.isEmpty()) {
                throw WeirException.validation("The request holds no SQL statement");
            }
            return new ArrayList<>(statements.getList());
        } catch (SqlParseException e) {
            throw SqlErrors.parse(e);
        }
    }

    /** Plans (and for catalog statements, carries out) one statement with the given properties in effect. */
    public StatementResult plan(SqlNode statement, Map<String, String> properties) {
        QueryOptions options = QueryOptions.from(properties);
        if (statement instanceof SqlCreateTable create) {
            return ddl.createTable(create);
        } else if (statement instanceof SqlCreateView create) {
            return ddl.createView(create);
        } else if (statement instanceof SqlDropTable drop) {
            return ddl.dropTable(drop);
        } else if (statement instanceof SqlDropView drop) {
            return ddl.dropView(drop);
        } else if (statement instanceof SqlShowTables) {
            return ddl.showTables();
        } else if (statement instanceof SqlShowViews) {
            return ddl.showViews();
        } else if (statement instanceof SqlDescribeTable describe) {
            return ddl.describe(describe);
        } else if (statement instanceof SqlSetProperty set) {
            return set(set, properties);
        } else if (statement instanceof SqlResetProperty reset) {
            return new StatementResult.ResetProperty(reset.key().orElse(null));
        } else if (statement instanceof SqlExplainStatement explain) {
            return explain(explain.statement(), options);
        } else if (statement instanceof SqlExplain explain) {
            return explain(explain.getExplicandum(), options);
        } else if (statement.getKind() == SqlKind.INSERT || statement.getKind().belongsTo(SqlKind.QUERY)) {
            return plan(statement, options).result();
        }
        throw SqlErrors.at(ErrorKind.VALIDATION,
                "Statement " + statement.getKind() + " is not supported", statement.getParserPosition());
    }

    private StatementResult set(SqlSetProperty set, Map<String, String> properties) {
        if (set.key().isEmpty()) {
            List<List<Object>> rows = properties.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> List.<Object>of(e.getKey(), e.getValue())).toList();
            return new StatementResult.Rows(List.of(new Column("key", io.weir.executor.data.DataType.STRING),
                    new Column("value", io.weir.executor.data.DataType.STRING)), rows);
        }
        String value = set.value().orElseThrow();
        QueryOptions.check(set.key().get(), value);
        return new StatementResult.SetProperty(set.key().get(), value);
    }

    private StatementResult explain(SqlNode statement, QueryOptions options) {
        Planned planned = plan(statement, options);
        // The graph is built for its description only; nothing runs, so no collector is needed.
        JobGraph graph = planned.jobGraph.apply(chunk -> { });
        return new StatementResult.Explain(RelOptUtil.toString(planned.logical), RelOptUtil.toString(planned.physical),
                graph.describe());
    }

    /** The pipeline for a query or INSERT. */
    private Planned plan(SqlNode statement, QueryOptions options) {
        if (statement instanceof SqlInsert insert) {
            targetPhysicalColumns(insert);
        }
        PlanningSession session = new PlanningSession(catalog);
        SqlValidator validator = session.newValidator();
        SqlNode validated = session.validate(validator, statement);
        RelRoot root = session.toRel(validator, validated);
        RelNode logical = WindowAggregates.mark(LogicalOptimizer.optimize(root.project()));
        boolean bounded = isBounded(logical);
        boolean streaming = options.streaming(bounded);
        if (streaming) {
            ChangelogModes.check(logical, table -> connectors.resolve(table).acceptsUpdates());
        }
        PhysicalRel physical = PhysicalOptimizer.optimize(logical, streaming);
        ExpressionCompiler compiler = new ExpressionCompiler(session.rexBuilder(), clock.millis());
        boolean insert = statement instanceof SqlInsert;
        String name = insert ? "insert" : "query";
        Function<ResultCollector, JobGraph> graph = collector -> {
            JobGraphBuilder builder = new JobGraphBuilder(name, options, streaming, compiler, connectors, session);
            return insert ? builder.buildInsert((SinkPhysicalRel) physical) : builder.buildQuery(physical, collector);
        };
        List<Column> columns = new ArrayList<>();
        for (RelDataTypeField field : root.validatedRowType.getFieldList()) {
            columns.add(new Column(field.getName(), DataTypes.toDataType(field.getType())));
        }
        return new Planned(statement, insert, columns, logical, physical, graph, options, bounded, streaming);
    }

    /** True when every table the plan scans is bounded: the query ends by itself. */
    private boolean isBounded(RelNode rel) {
        if (rel instanceof TableScan scan) {
            PhysicalTable table = scan.getTable().unwrap(PhysicalTable.class);
            return table == null || connectors.resolve(table.definition()).isBounded();
        }
        return rel.getInputs().stream().allMatch(this::isBounded);
    }

    /**
     * An INSERT writes a table's physical columns (as in Flink): a table with computed columns is addressed by
     * its physical part. Views cannot be written.
     */
    private void targetPhysicalColumns(SqlInsert insert) {
        if (!(insert.getTargetTable() instanceof SqlIdentifier target) || !target.isSimple()) {
            return;
        }
        catalog.find(target.getSimple()).ifPresent(object -> {
            if (object instanceof CatalogObject.View) {
                throw SqlErrors.at(ErrorKind.VALIDATION, "'" + object.name() + "' is a view; only tables can be "
                        + "written to", target.getParserPosition());
            }
            TableDefinition table = ((CatalogObject.Table) object).definition();
            if (table.hasComputedColumns()) {
                insert.setOperand(1, new SqlIdentifier(CatalogSchema.physicalName(table.name()),
                        target.getParserPosition()));
            }
        });
    }

    private record Planned(SqlNode statement, boolean insert, List<Column> columns, RelNode logical,
            PhysicalRel physical, Function<ResultCollector, JobGraph> jobGraph, QueryOptions options,
            boolean bounded, boolean streaming) {

        StatementResult result() {
            String target = insert ? String.join(".", ((SqlInsert) statement).getTargetTable().toString()) : null;
            return new StatementResult.Job(insert ? StatementResult.Job.Kind.INSERT : StatementResult.Job.Kind.QUERY,
                    statement.toString(), insert ? List.of() : columns, bounded, streaming, options.parallelism(),
                    RelOptUtil.toString(physical), target, jobGraph);
        }
    }
}
