package io.weir.executor.operators.window;

import io.weir.executor.api.Operator;
import io.weir.executor.api.StateReader;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import io.weir.executor.operators.Chunks;
import io.weir.executor.operators.OperatorTestHarness;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The subtasks of one keyed operator at one parallelism, fed as the hash exchange before it would feed them: each
 * row to the subtask owning its key, rows of a batch gathered into one chunk per subtask, and every watermark to all.
 */
public final class KeyedSubtasks {

    public final List<OperatorTestHarness> harnesses = new ArrayList<>();
    private final List<DataType> input;
    private final int[] keys;

    /**
     * @param restored the restored subtasks' state readers (one per subtask), or null for a fresh start
     */
    public KeyedSubtasks(Supplier<Operator> operator, List<DataType> input, List<DataType> output, int[] keys,
            int parallelism, List<StateReader> restored) throws Exception {
        this.input = input;
        this.keys = keys.clone();
        for (int s = 0; s < parallelism; s++) {
            OperatorTestHarness.Builder builder = OperatorTestHarness.forOperator(operator.get())
                    .input(input).output(output).subtask(s, parallelism);
            if (restored != null) {
                builder.restoredFrom(restored.get(s));
            }
            harnesses.add(builder.open());
        }
    }

    /** Routes {@code rows} by key and pushes each subtask's share as one chunk. */
    public KeyedSubtasks push(List<List<Object>> rows) throws Exception {
        return push(rows, null);
    }

    /** Routes {@code rows}, of kinds {@code kinds} (null: all inserts), as {@link #push(List)} does. */
    public KeyedSubtasks push(List<List<Object>> rows, List<RowKind> kinds) throws Exception {
        List<List<List<Object>>> shares = new ArrayList<>();
        List<List<RowKind>> shareKinds = new ArrayList<>();
        harnesses.forEach(h -> {
            shares.add(new ArrayList<>());
            shareKinds.add(new ArrayList<>());
        });
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            int subtask = SnapshotHarness.subtaskOf(Chunks.of(input, row), 0, keys, harnesses.size());
            shares.get(subtask).add(row);
            shareKinds.get(subtask).add(kinds == null ? RowKind.INSERT : kinds.get(r));
        }
        for (int s = 0; s < harnesses.size(); s++) {
            if (!shares.get(s).isEmpty()) {
                harnesses.get(s).push(0, Chunks.of(input, shares.get(s), kinds == null ? null : shareKinds.get(s)));
            }
        }
        return this;
    }

    /** The subtask that owns {@code row}'s key. */
    public OperatorTestHarness ownerOf(List<Object> row) {
        return harnesses.get(SnapshotHarness.subtaskOf(Chunks.of(input, row), 0, keys, harnesses.size()));
    }

    public KeyedSubtasks watermark(long timestamp) throws Exception {
        for (OperatorTestHarness h : harnesses) {
            h.watermark(timestamp);
        }
        return this;
    }

    public List<OperatorStateData> snapshot() throws Exception {
        List<OperatorStateData> states = new ArrayList<>();
        for (OperatorTestHarness h : harnesses) {
            states.add(h.snapshot(1));
        }
        return states;
    }

    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        harnesses.forEach(h -> rows.addAll(h.rows()));
        return rows;
    }

    public List<List<Object>> finish() throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (OperatorTestHarness h : harnesses) {
            rows.addAll(h.finish());
        }
        return rows;
    }
}
