package io.weir.server;

import io.weir.executor.api.ResultCollector;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.data.DataType;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.Partitioning;
import io.weir.executor.operators.CollectSinkOperator;
import io.weir.planner.Column;
import io.weir.planner.StatementResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;

/**
 * Plans {@code SELECT * FROM <name>} and {@code INSERT INTO <table> SELECT * FROM <name>} over test sources
 * registered under {@code name}, as the planner will plan unbounded scans: a source vertex, then the result
 * sink (or, for an INSERT, a sink that discards rows). Any other statement goes to the real planner.
 */
final class TestPlans implements PlanHook {

    static final List<Column> COLUMNS = List.of(new Column("n", DataType.BIGINT));

    private final Map<String, SourceFactory> sources = new ConcurrentHashMap<>();

    /** Makes {@code name} a table that reads {@code source}. */
    <S extends SourceFactory> S register(String name, S source) {
        sources.put(name.toUpperCase(java.util.Locale.ROOT), source);
        return source;
    }

    @Override
    public StatementResult plan(SqlNode statement, Map<String, String> properties) {
        boolean insert = statement instanceof SqlInsert;
        SqlNode query = insert ? ((SqlInsert) statement).getSource() : statement;
        if (!(query instanceof SqlSelect select) || !(select.getFrom() instanceof SqlIdentifier from)
                || !from.isSimple()) {
            return null;
        }
        SourceFactory source = sources.get(from.getSimple().toUpperCase(java.util.Locale.ROOT));
        if (source == null) {
            return null;
        }
        String sourceName = "Source(" + from.getSimple() + ")";
        if (insert) {
            String table = ((SqlInsert) statement).getTargetTable().toString();
            return new StatementResult.Job(StatementResult.Job.Kind.INSERT, statement.toString(), List.of(), false, true, 1,
                    "TestInsert(" + table + ")\n  TestScan(" + from.getSimple() + ")", table,
                    collector -> graph(sourceName, source, chunk -> { }, "Sink(" + table + ")"));
        }
        return new StatementResult.Job(StatementResult.Job.Kind.QUERY, statement.toString(), COLUMNS, false, true, 1,
                "TestScan(" + from.getSimple() + ")", null, collector -> graph(sourceName, source, collector, "Collect"));
    }

    private static JobGraph graph(String sourceName, SourceFactory source, ResultCollector collector, String sinkName) {
        List<DataType> types = COLUMNS.stream().map(Column::type).toList();
        JobGraph.Builder graph = JobGraph.builder("test");
        int scan = graph.addSource(sourceName, 1, source, types);
        int sink = graph.addOperator(sinkName, 1, () -> new CollectSinkOperator(collector), 1, types);
        graph.connect(scan, sink, 0, Partitioning.FORWARD);
        return graph.build();
    }
}
