package io.weir.executor.connector.jdbc;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.data.Chunk;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One subtask of an {@code INSERT INTO} a {@code jdbc} table, exactly once with checkpoints, by write-ahead:
 *
 * <ul>
 *   <li>Rows are buffered in encoded form ({@link EncodedRows}). At the barrier of checkpoint {@code n}
 *       ({@link #snapshotState}) the buffer is sealed as batch {@code n}, and every batch not yet written is the
 *       operator's state.</li>
 *   <li>{@link #notifyCheckpointComplete}({@code n}) writes every batch {@code <= n} in ONE transaction, together
 *       with the commit marker of each owner ({@link CommitMarkers}); batches at or below an owner's marker are
 *       skipped, since they were committed before a failure. Rows of checkpoint {@code n} become visible at once.</li>
 *   <li>An aborted checkpoint changes nothing: its batch is written with the next completed one.</li>
 *   <li>{@link #restoreState} takes the batches of the restored checkpoint (complete by definition) and commits them
 *       at once, idempotently through the markers.</li>
 * </ul>
 *
 * <p>Without checkpoints the runtime never calls those hooks, so rows are also committed at {@link #endInput} (a
 * bounded INSERT commits everything in one transaction there). Until the first checkpoint is seen, buffered rows are
 * also written every {@code sink.buffer-flush.interval} and whenever {@code sink.buffer-flush.max-rows} are buffered
 * when the job does not checkpoint ({@code OperatorContext.isCheckpointingEnabled}), so an unbounded job without
 * checkpointing writes continuously (at least once). With checkpoints, rows wait for the checkpoint that covers
 * them.
 *
 * <p>Every method runs on the task thread; the database is written on it too, in the hooks above.
 */
final class JdbcSinkOperator implements Operator {

    private final JdbcTableConfig table;
    private final EncodedRows buffer;
    private final PendingBatches pending = new PendingBatches();
    /** The last committed checkpoint per owner, as read from the marker table (or written by this instance). */
    private final Map<Integer, Long> markers = new HashMap<>();

    private OperatorContext context;
    private CommitMarkers markerTable;
    private Connection connection;
    /** True once a snapshot or a restore shows that checkpoints run: then rows wait for their checkpoint. */
    private boolean checkpointing;

    JdbcSinkOperator(JdbcTableConfig table) {
        this.table = table;
        this.buffer = new EncodedRows(table.columnTypes());
    }

    @Override
    public void open(OperatorContext context) {
        this.context = context;
        this.markerTable = markers(context.jobName());
        this.checkpointing = context.isCheckpointingEnabled();
        scheduleFlush();
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        if (chunk.isEmpty()) {
            return;
        }
        buffer.append(chunk);
        if (!checkpointing && table.flushMaxRows() > 0 && buffer.rowCount() >= table.flushMaxRows()) {
            writeUnsealed();
        }
    }

    @Override
    public void onProcessingTime(long time, Output out) {
        if (!checkpointing) {
            writeUnsealed();
            scheduleFlush();
        }
    }

    private void scheduleFlush() {
        if (!checkpointing && table.flushIntervalMillis() > 0) {
            context.timerService().registerProcessingTimeTimer(
                    context.timerService().currentProcessingTime() + table.flushIntervalMillis());
        }
    }

    @Override
    public StateSnapshot snapshotState(long checkpointId) {
        checkpointing = true;
        if (buffer.rowCount() > 0) {
            pending.add(context.subtaskIndex(), buffer.seal(checkpointId));
        }
        Map<Integer, List<RowBatchBytes>> copy = pending.copy();
        String jobName = context.jobName();
        return writer -> PendingBatches.write(writer.operatorState(), jobName, checkpointId, copy);
    }

    @Override
    public void restoreState(StateReader state) throws Exception {
        checkpointing = true;
        PendingBatches.Restored restored = pending.restore(state, context.subtaskIndex(), context.parallelism());
        if (restored.jobName() == null || restored.jobName().equals(context.jobName())) {
            // The restored checkpoint is complete, so are the batches it holds (all at or below it).
            commit(restored.checkpointId());
            return;
        }
        // A savepoint of another query: whether its batches are in the table already, that query's markers say.
        CommitMarkers own = markerTable;
        markerTable = markers(restored.jobName());
        try {
            commit(restored.checkpointId());
        } finally {
            markerTable = own;
            markers.clear();
        }
    }

    /**
     * The markers of the rows job {@code jobName} wrote through this sink into its table: keyed by the table too,
     * so that queries restored from one savepoint into different tables do not share them.
     */
    private CommitMarkers markers(String jobName) {
        return new CommitMarkers(jobName, context.operatorName() + " -> " + table.tableName());
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        commit(checkpointId);
    }

    @Override
    public void endInput(int input, Output out) {
        commit(Long.MAX_VALUE);
        writeUnsealed();
    }

    /** Writes the pending batches at or below {@code checkpointId}, and their markers, in one transaction. */
    private void commit(long checkpointId) {
        Map<Integer, List<RowBatchBytes>> due = pending.upTo(checkpointId);
        if (due.isEmpty()) {
            return;
        }
        Connection db = connection();
        Map<Integer, Long> written = new HashMap<>();
        try (JdbcRowWriter writer = new JdbcRowWriter(db, table)) {
            for (Map.Entry<Integer, List<RowBatchBytes>> owner : due.entrySet()) {
                long marker = marker(db, owner.getKey());
                long last = marker;
                for (RowBatchBytes batch : owner.getValue()) {
                    if (batch.checkpointId() > marker) {
                        writer.write(batch);
                        last = batch.checkpointId();
                    }
                }
                if (last > marker) {
                    writer.flush();
                    markerTable.write(db, owner.getKey(), last);
                    written.put(owner.getKey(), last);
                }
            }
            writer.flush();
            db.commit();
        } catch (SQLException e) {
            throw rollback("write to", e);
        }
        markers.putAll(written);
        pending.removeUpTo(checkpointId);
    }

    /** Writes the rows not sealed into a checkpoint's batch, in their own transaction, without a marker. */
    private void writeUnsealed() {
        if (buffer.rowCount() == 0) {
            return;
        }
        RowBatchBytes rows = buffer.seal(Long.MAX_VALUE);
        Connection db = connection();
        try (JdbcRowWriter writer = new JdbcRowWriter(db, table)) {
            writer.write(rows);
            writer.flush();
            db.commit();
        } catch (SQLException e) {
            throw rollback("write to", e);
        }
    }

    private long marker(Connection db, int owner) throws SQLException {
        Long known = markers.get(owner);
        if (known == null) {
            known = markerTable.read(db, owner);
            markers.put(owner, known);
        }
        return known;
    }

    /** The subtask's one connection, opened on first write, in manual-commit mode with the marker table in place. */
    private Connection connection() {
        if (connection == null) {
            Connection opened = table.connect();
            try {
                opened.setAutoCommit(false);
                CommitMarkers.createIfMissing(opened);
            } catch (SQLException e) {
                closeQuietly(opened);
                throw table.failure("prepare commits to", e);
            }
            connection = opened;
        }
        return connection;
    }

    private RuntimeException rollback(String action, SQLException e) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            e.addSuppressed(rollbackFailure);
        }
        return table.failure(action, e);
    }

    @Override
    public void close() {
        if (connection != null) {
            closeQuietly(connection);
            connection = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            // Closing without commit rolls back what was not committed: a cancelled job's unfinished write.
            connection.rollback();
            connection.close();
        } catch (SQLException ignored) {
            // Nothing uncommitted matters any more: it is either rolled back or replayed after a restore.
        }
    }
}
