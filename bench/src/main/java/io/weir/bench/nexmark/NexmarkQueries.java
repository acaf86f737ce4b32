package io.weir.bench.nexmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Nexmark queries the harness knows: those Weir runs, as SQL files in {@code sql-examples/nexmark/qN.sql}, and
 * those it cannot run yet, with the reason. A query file holds the sink's DDL (a {@code blackhole} table) and the
 * INSERT; {@code tables.sql} beside it defines the bid table. The same text runs on both engines: Weir speaks Flink
 * SQL's dialect, and the harness swaps the {@code blackhole} connector for the checksumming one of each engine.
 */
public final class NexmarkQueries {

    /** Every query of the issue, in order; the supported ones have a file. */
    public static final List<String> ALL = List.of("q0", "q1", "q2", "q3", "q4", "q5", "q7", "q8", "q9", "q11", "q12",
            "q14", "q15", "q16", "q17", "q18", "q19", "q20", "q21", "q22");

    /** Why Weir cannot run a query yet (continuous queries over unbounded input). */
    public static final Map<String, String> UNSUPPORTED = new LinkedHashMap<>();

    static {
        UNSUPPORTED.put("q12", "processing-time window: its rows depend on the wall clock, so not comparable run to run"
                + " (not yet in the harness)");
    }

    /**
     * Queries whose result depends on the order rows arrive in when they come from several source subtasks, in
     * either engine, and why: their rows and checksums are compared at parallelism 1 only.
     */
    public static final Map<String, String> ORDER_DEPENDENT = Map.of(
            "q18", "several bids of one bidder on one auction often share a millisecond, and which of them counts as"
                    + " the latest depends on which source subtask's bid arrives last (Flink's own checksums differ"
                    + " between its runs, as Weir's do)");

    /** Queries that are not the reference's whole query, and what they leave out. */
    public static final Map<String, String> PARTIAL = Map.of(
            "q14", "built-in string functions instead of the count_char UDF");

    /**
     * The output column that tells when a query's row was due, for the latency runs ({@link Latency}): the row's
     * own bid time, the end of the window it is the result of, or (q7) the bid time whose 10 s window releases the
     * row. Queries not listed have none in their rows (q2, q21, q22 drop the bid time; q5's rows name no window), so
     * their latency is not measured.
     */
    public static final Map<String, Map.Entry<String, Latency.Reference>> LATENCY_COLUMN = Map.of(
            "q0", Map.entry("date_time", Latency.Reference.EVENT_TIME),
            "q1", Map.entry("date_time", Latency.Reference.EVENT_TIME),
            "q14", Map.entry("date_time", Latency.Reference.EVENT_TIME),
            "q7", Map.entry("date_time", Latency.Reference.TUMBLING_10S_WINDOW_OF_EVENT),
            "q11", Map.entry("endtime", Latency.Reference.WINDOW_END));

    private static final java.util.regex.Pattern WATERMARK_DELAY =
            java.util.regex.Pattern.compile("date_time - INTERVAL '(\\d+)' SECOND");

    private final Path directory;

    /** @param directory {@code sql-examples/nexmark} */
    public NexmarkQueries(Path directory) {
        this.directory = directory;
    }

    public boolean isSupported(String query) {
        return !UNSUPPORTED.containsKey(query) && Files.exists(directory.resolve(query + ".sql"));
    }

    /**
     * The script of one run: the bid table bounded to {@code events} events spread over event time at
     * {@code rate} events per second, the sink (with {@code sinkConnector} instead of {@code blackhole}), the INSERT.
     */
    public String script(String query, long events, long rate, String sinkConnector) {
        return script(query, events, rate, 0, sinkConnector);
    }

    /**
     * As {@link #script(String, long, long, String)}; with {@code rowsPerSecond > 0}, the generator is throttled to
     * that many events per wall-clock second, and its event time advances at the same rate (a latency run).
     */
    public String script(String query, long events, long rate, long rowsPerSecond, String sinkConnector) {
        try {
            String tables = Files.readString(directory.resolve("tables.sql"))
                    .replace("${events}", Long.toString(events));
            if (rowsPerSecond > 0) {
                String throttled = "'first-event.rate' = '" + rowsPerSecond + "', 'rows-per-second' = '"
                        + rowsPerSecond + "'";
                String withThrottle = tables.replace("'first-event.rate' = '${rate}'", throttled);
                if (withThrottle.equals(tables)) {
                    throw new IllegalStateException("tables.sql sets no 'first-event.rate' = '${rate}' to throttle");
                }
                tables = withThrottle;
            }
            tables = tables.replace("${rate}", Long.toString(rate));
            String body = Files.readString(directory.resolve(query + ".sql"))
                    .replace("'connector' = 'blackhole'", "'connector' = '" + sinkConnector + "'");
            return tables.strip() + ";\n\n" + body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bid table's watermark delay in milliseconds, as {@code tables.sql} declares it. */
    public long watermarkDelayMillis() {
        try {
            java.util.regex.Matcher m = WATERMARK_DELAY.matcher(Files.readString(directory.resolve("tables.sql")));
            if (!m.find()) {
                throw new IllegalStateException("tables.sql: no WATERMARK ... date_time - INTERVAL 'N' SECOND");
            }
            return Long.parseLong(m.group(1)) * 1000;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
