package io.weir.planner;

import io.weir.executor.api.ResultCollector;
import io.weir.executor.graph.JobGraph;
import java.util.List;
import java.util.function.Function;

/** What planning one statement gives the server: an answer at once, a property change, or a job to run. */
public sealed interface StatementResult {

    /** A catalog change that has been made (CREATE, DROP). */
    record Done(String message) implements StatementResult {
    }

    /** {@code SET 'key' = 'value'}: applies to the following statements of the request. */
    record SetProperty(String key, String value) implements StatementResult {
    }

    /** {@code RESET 'key'} (or every key when {@code key} is null). */
    record ResetProperty(String key) implements StatementResult {
    }

    /** A small table answered at once: SHOW, DESCRIBE, SET without arguments. */
    record Rows(List<Column> columns, List<List<Object>> rows) implements StatementResult {
    }

    /** EXPLAIN: the plans as text. */
    record Explain(String logicalPlan, String physicalPlan, String jobGraph) implements StatementResult {
    }

    /**
     * A SELECT or INSERT to run. {@code jobGraph} builds the graph around the collector that receives the
     * result rows (INSERTs ignore it: their rows go to the table). {@code bounded}: the job ends by itself;
     * {@code streaming}: it runs with the streaming operators (always when unbounded, on request otherwise).
     */
    record Job(
            Kind kind,
            String sql,
            List<Column> columns,
            boolean bounded,
            boolean streaming,
            int parallelism,
            String plan,
            String targetTable,
            Function<ResultCollector, JobGraph> jobGraph) implements StatementResult {

        public enum Kind { QUERY, INSERT }
    }
}
