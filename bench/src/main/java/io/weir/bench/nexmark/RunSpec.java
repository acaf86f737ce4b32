package io.weir.bench.nexmark;

/**
 * One run to make: a query's SQL script (tables and the INSERT into the benchmark sink) on one engine.
 *
 * @param query              the query's name, e.g. {@code q5}
 * @param script             the SQL: the bid table's DDL, the sink's, then the INSERT, separated by {@code ;}
 * @param parallelism        parallelism of every operator
 * @param checkpointInterval {@code off} or a duration such as {@code 10s}
 */
public record RunSpec(String query, String script, int parallelism, String checkpointInterval) {

    public boolean checkpointing() {
        return !"off".equals(checkpointInterval);
    }

    /** The interval in the form both engines' {@code execution.checkpointing.interval} accept ({@code 10 s}). */
    public String intervalSetting() {
        return checkpointInterval.replaceAll("(\\d+)\\s*([a-z]+)", "$1 $2");
    }
}
