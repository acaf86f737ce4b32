package io.weir.executor.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.Operator;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.checkpoint.CheckpointStorage;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.checkpoint.RestoredOperatorState;
import io.weir.executor.checkpoint.SubtaskState;
import io.weir.executor.checkpoint.SubtaskStateFile;
import io.weir.executor.data.Chunk;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The checkpoint half of every stateful operator's tests: takes snapshots as the runtime does (the synchronous
 * {@code snapshotState}, then {@code writeTo} into a subtask state file, read back into an {@link OperatorStateData}), proves
 * the snapshot is a real copy (writing it after the live operator moved on gives the same bytes), and hands restored
 * subtasks at a new parallelism their view ({@link RestoredOperatorState#forSubtask}). Routing rows by key uses the
 * exchange's rule ({@code Vector.hashInto} then {@link KeyGroups}), so a restored keyed subtask gets exactly its keys.
 */
public final class SnapshotHarness {

    /** Work done on the live operator after a snapshot was taken. */
    @FunctionalInterface
    public interface Mutation {
        void run() throws Exception;
    }

    private SnapshotHarness() {
    }

    /**
     * Writes a snapshot as a checkpoint's I/O thread does, into a subtask state file, and reads it back as a restore
     * does; an operator without state (null) gives an empty one.
     */
    public static OperatorStateData write(StateSnapshot snapshot) throws IOException {
        if (snapshot == null) {
            return new OperatorStateData();
        }
        Path dir = Files.createTempDirectory("weir-snapshot");
        try {
            try (SubtaskStateFile file = SubtaskStateFile.create(dir, 0, 0, Map.of())) {
                snapshot.writeTo(file);
            }
            SubtaskState read = CheckpointStorage.readSubtaskState(dir, 0, 0);
            return read == null ? new OperatorStateData() : read.state();
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /**
     * Takes snapshot {@code checkpointId} of {@code operator}, runs {@code after} on the live operator, then writes
     * the snapshot out (as the runtime's I/O thread would, later) and checks that it holds what it held at the
     * barrier: the bytes equal those of a second snapshot taken at the same point and written before {@code after}
     * ran (a snapshot is written once).
     */
    public static OperatorStateData snapshotThenMutate(Operator operator, long checkpointId, Mutation after)
            throws Exception {
        StateSnapshot snapshot = operator.snapshotState(checkpointId);
        byte[] atBarrier = bytes(write(operator.snapshotState(checkpointId)));
        after.run();
        OperatorStateData later = write(snapshot);
        assertThat(bytes(later)).as("snapshot written after the operator moved on").isEqualTo(atBarrier);
        return later;
    }

    /** Every stream of {@code data} (a key group's with its number), in one array, for comparing snapshots. */
    public static byte[] bytes(OperatorStateData data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (var group : data.keyGroupBytes().entrySet()) {
            out.writeInt(group.getKey());
            out.writeInt(group.getValue().length);
            out.write(group.getValue());
        }
        byte[] all = data.allKeyGroupsBytes();
        out.writeBoolean(all != null);
        if (all != null) {
            out.write(all);
        }
        byte[] operatorState = data.operatorStateBytes();
        out.writeBoolean(operatorState != null);
        if (operatorState != null) {
            out.write(operatorState);
        }
        return bytes.toByteArray();
    }

    /** The readers of {@code parallelism} restored subtasks over what the old subtasks wrote. */
    public static List<StateReader> restore(List<OperatorStateData> oldSubtasks, int parallelism) {
        List<StateReader> readers = new ArrayList<>();
        for (int s = 0; s < parallelism; s++) {
            readers.add(RestoredOperatorState.forSubtask(oldSubtasks, s, parallelism));
        }
        return readers;
    }

    /** The subtask, of {@code parallelism}, that the hash exchange sends row {@code row} of {@code chunk} to. */
    public static int subtaskOf(Chunk chunk, int row, int[] keys, int parallelism) {
        int[] hash = new int[1];
        Chunk one = chunk.select(new int[] {row}, 1);
        for (int key : keys) {
            one.column(key).hashInto(hash, 1);
        }
        return KeyGroups.subtaskForHash(hash[0], parallelism);
    }
}
