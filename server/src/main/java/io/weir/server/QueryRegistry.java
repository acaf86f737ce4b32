package io.weir.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.job.Job;
import io.weir.executor.job.JobState;
import io.weir.planner.JobOptions;
import io.weir.planner.catalog.EmbeddedDatabase;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every query the server has run or runs, keyed by id. Each change of state is written to the embedded
 * database, so after a restart the ids still answer; a query that was running when the server stopped is
 * reported as failed.
 */
final class QueryRegistry {

    private static final String TABLE = "WEIR_QUERIES";
    private static final int LIST_LIMIT = 1000;

    private final EmbeddedDatabase database;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    /** Queries of this server process; older ones are read from the database on demand. */
    private final Map<String, QueryInfo> live = new ConcurrentHashMap<>();
    private final Map<String, LiveJob> jobs = new ConcurrentHashMap<>();
    private final List<StoredQuery> resumable;

    QueryRegistry(EmbeddedDatabase database, Clock clock) {
        this.database = database;
        this.clock = clock;
        update("CREATE TABLE IF NOT EXISTS " + TABLE + " (ID VARCHAR(64) PRIMARY KEY, STATEMENT CLOB, "
                + "STATE VARCHAR(16), MODE VARCHAR(16), PARALLELISM INT, PLAN CLOB, METRICS CLOB, ERROR CLOB, "
                + "CREATED_AT TIMESTAMP, FINISHED_AT TIMESTAMP)");
        update("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS PROPERTIES CLOB");
        this.resumable = List.copyOf(collectResumable());
        update("UPDATE " + TABLE + " SET STATE = 'FAILED', ERROR = 'The server stopped while the query ran' "
                + "WHERE STATE IN ('CREATED', 'RUNNING', 'RESTARTING')" + exceptResumable());
    }

    /** A query that ran with checkpoints when the server stopped: the server starts it again from its checkpoint. */
    record StoredQuery(String queryId, String statement, Map<String, String> properties) {
    }

    /** The queries to resume, found when the registry opened. */
    List<StoredQuery> resumable() {
        return resumable;
    }

    /** The properties a query was started with, as recorded. */
    Map<String, String> properties(String queryId) {
        try (Connection c = database.open();
                PreparedStatement ps = c.prepareStatement("SELECT PROPERTIES FROM " + TABLE + " WHERE ID = ?")) {
            ps.setString(1, queryId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? readProperties(rs.getString(1)) : Map.of();
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot read query " + queryId, e);
        }
    }

    /** Records the properties a continuous query runs with, so that a restarted server can start it again. */
    void recordProperties(String queryId, Map<String, String> properties) {
        try (Connection c = database.open();
                PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET PROPERTIES = ? WHERE ID = ?")) {
            ps.setString(1, json.writeValueAsString(properties));
            ps.setString(2, queryId);
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot record query " + queryId, e);
        }
    }

    /** Puts a stored query back among the live ones under its own id, to be started again. */
    QueryInfo reopen(String queryId) {
        QueryInfo stored = find(queryId).orElseThrow();
        QueryInfo info = stored.withState(QueryState.CREATED);
        live.put(queryId, info);
        return info;
    }

    private List<StoredQuery> collectResumable() {
        List<StoredQuery> found = new ArrayList<>();
        try (Connection c = database.open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT ID, STATEMENT, PROPERTIES FROM " + TABLE + " WHERE MODE = "
                        + "'streaming' AND STATE IN ('CREATED', 'RUNNING', 'RESTARTING') ORDER BY CREATED_AT")) {
            while (rs.next()) {
                Map<String, String> properties = readProperties(rs.getString(3));
                if (checkpointed(properties)) {
                    found.add(new StoredQuery(rs.getString(1), rs.getString(2), properties));
                }
            }
            return found;
        } catch (SQLException | JsonProcessingException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot read the query history", e);
        }
    }

    /** True when the properties turn periodic checkpoints on: only such a query can resume without loss. */
    static boolean checkpointed(Map<String, String> properties) {
        String interval = properties.get(JobOptions.INTERVAL);
        return interval != null && !interval.isBlank() && !interval.trim().startsWith("0");
    }

    private String exceptResumable() {
        if (resumable.isEmpty()) {
            return "";
        }
        StringBuilder ids = new StringBuilder(" AND ID NOT IN (");
        for (int i = 0; i < resumable.size(); i++) {
            // Ids are hex the registry generated; still quoted defensively.
            ids.append(i == 0 ? "'" : ", '").append(resumable.get(i).queryId().replace("'", "''")).append('\'');
        }
        return ids.append(')').toString();
    }

    private Map<String, String> readProperties(String text) throws JsonProcessingException {
        return text == null ? Map.of() : json.readValue(text, new TypeReference<Map<String, String>>() { });
    }

    QueryInfo register(String statement, String mode, int parallelism, String plan) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        QueryInfo info = new QueryInfo(HexFormat.of().formatHex(bytes), statement, QueryState.CREATED, mode,
                parallelism, plan, Map.of(), null, clock.instant(), null);
        live.put(info.queryId(), info);
        save(info);
        return info;
    }

    void running(String queryId, Job job, JobGraph graph) {
        jobs.put(queryId, new LiveJob(job, graph));
        QueryInfo info = live.computeIfPresent(queryId, (id, q) -> q.withState(QueryState.RUNNING));
        save(info);
    }

    /** Cancels a running query; returns false when it is not running. */
    boolean cancel(String queryId) {
        LiveJob live = jobs.get(queryId);
        if (live == null || (live.job().state() != JobState.RUNNING && live.job().state() != JobState.RESTARTING)) {
            return false;
        }
        live.job().cancel();
        return true;
    }

    /** Live metrics of a running query, or the stored ones. */
    Map<String, Long> metrics(QueryInfo info) {
        LiveJob live = jobs.get(info.queryId());
        return live != null ? live.job().metrics() : info.metrics();
    }

    /** The job of a query whose threads still run. */
    Optional<LiveJob> liveJob(String queryId) {
        return Optional.ofNullable(jobs.get(queryId));
    }

    /** The queries whose jobs still run, by id. */
    Map<String, LiveJob> liveJobs() {
        return Map.copyOf(jobs);
    }

    /** How many recorded queries are in each state (every state present, zeros included). */
    Map<QueryState, Long> countByState() {
        Map<QueryState, Long> counts = new EnumMap<>(QueryState.class);
        for (QueryState state : QueryState.values()) {
            counts.put(state, 0L);
        }
        try (Connection c = database.open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT STATE, COUNT(*) FROM " + TABLE + " GROUP BY STATE")) {
            while (rs.next()) {
                counts.put(QueryState.valueOf(rs.getString(1)), rs.getLong(2));
            }
            return counts;
        } catch (SQLException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot read the query history", e);
        }
    }

    void finish(String queryId, QueryState state, Map<String, Long> metrics, String error) {
        QueryInfo info = live.computeIfPresent(queryId, (id, q) -> q.finished(state, metrics, error, clock.instant()));
        save(info);
        // Finished queries are answered from the database; the maps hold only what is in flight.
        live.remove(queryId);
        jobs.remove(queryId);
    }

    Optional<QueryInfo> find(String queryId) {
        QueryInfo info = live.get(queryId);
        if (info != null) {
            return Optional.of(withJobState(info));
        }
        List<QueryInfo> found = select("SELECT * FROM " + TABLE + " WHERE ID = ?", queryId);
        return found.stream().findFirst();
    }

    /**
     * The most recent queries first; one still in flight as {@link #find} reports it, so a query listed right after
     * a DELETE is already CANCELED although its record is written when its threads have unwound. The states in flight
     * are taken before the records are read: a record written in between is final and wins.
     */
    List<QueryInfo> list() {
        Map<String, QueryInfo> inFlight = new HashMap<>();
        live.forEach((id, info) -> inFlight.put(id, withJobState(info)));
        return select("SELECT * FROM " + TABLE + " ORDER BY CREATED_AT DESC LIMIT " + LIST_LIMIT, null).stream()
                .map(stored -> stored.state().isTerminal() ? stored
                        : inFlight.getOrDefault(stored.queryId(), stored))
                .toList();
    }

    /**
     * A job that was cancelled or failed says so at once, while its threads still unwind, and a finished one
     * before its completion is recorded; the record follows. Reporting the job's state meanwhile keeps a DELETE
     * and the next GET consistent, and a client that saw the end of the results sees a final state.
     */
    private QueryInfo withJobState(QueryInfo info) {
        LiveJob job = jobs.get(info.queryId());
        if (job == null || info.state().isTerminal()) {
            return info;
        }
        return switch (job.job().state()) {
            case CANCELED -> info.withState(QueryState.CANCELED);
            case RESTARTING -> info.withState(QueryState.RESTARTING);
            case FAILED -> info.withState(QueryState.FAILED);
            case FINISHED -> info.withState(QueryState.FINISHED);
            default -> info;
        };
    }

    private void save(QueryInfo info) {
        if (info == null) {
            return;
        }
        try (Connection c = database.open(); PreparedStatement ps = c.prepareStatement("MERGE INTO " + TABLE
                + " (ID, STATEMENT, STATE, MODE, PARALLELISM, PLAN, METRICS, ERROR, CREATED_AT, FINISHED_AT)"
                + " KEY (ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, info.queryId());
            ps.setString(2, info.statement());
            ps.setString(3, info.state().name());
            ps.setString(4, info.mode());
            ps.setInt(5, info.parallelism());
            ps.setString(6, info.plan());
            ps.setString(7, json.writeValueAsString(info.metrics()));
            ps.setString(8, info.error());
            ps.setTimestamp(9, Timestamp.from(info.createdAt()));
            ps.setTimestamp(10, info.finishedAt() == null ? null : Timestamp.from(info.finishedAt()));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot record query " + info.queryId(), e);
        }
    }

    private List<QueryInfo> select(String sql, String parameter) {
        List<QueryInfo> result = new ArrayList<>();
        try (Connection c = database.open(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (parameter != null) {
                ps.setString(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    QueryInfo stored = read(rs);
                    QueryInfo current = live.get(stored.queryId());
                    result.add(current == null ? stored : withJobState(current));
                }
            }
            return result;
        } catch (SQLException | JsonProcessingException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot read the query history", e);
        }
    }

    private QueryInfo read(ResultSet rs) throws SQLException, JsonProcessingException {
        String metrics = rs.getString("METRICS");
        Timestamp finished = rs.getTimestamp("FINISHED_AT");
        return new QueryInfo(rs.getString("ID"), rs.getString("STATEMENT"), QueryState.valueOf(rs.getString("STATE")),
                rs.getString("MODE"), rs.getInt("PARALLELISM"), rs.getString("PLAN"),
                metrics == null ? Map.of() : json.readValue(metrics, new TypeReference<Map<String, Long>>() { }),
                rs.getString("ERROR"), rs.getTimestamp("CREATED_AT").toInstant(),
                finished == null ? null : finished.toInstant());
    }

    private void update(String sql) {
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot prepare the query history", e);
        }
    }
}
