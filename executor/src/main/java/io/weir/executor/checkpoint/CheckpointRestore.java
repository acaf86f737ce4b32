package io.weir.executor.checkpoint;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.WeirException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A complete checkpoint or savepoint opened for restoring a job, possibly at other parallelisms than it was taken
 * at: hands each new subtask the key groups it owns and every old subtask's non-keyed state, and each source the
 * positions of every split. Vertices are matched by id and must carry the same name (the same SQL plans to the
 * same graph); a vertex the checkpoint does not know starts empty. Thread-safe; reads files on demand.
 */
public final class CheckpointRestore {

    private final Path directory;
    private final CheckpointMetadata metadata;
    private final Map<Integer, List<OperatorStateData>> states = new HashMap<>();
    private final Map<Integer, Map<String, byte[]>> positions = new HashMap<>();

    private CheckpointRestore(Path directory, CheckpointMetadata metadata) {
        this.directory = directory;
        this.metadata = metadata;
    }

    /** Opens a complete checkpoint or savepoint directory. */
    public static CheckpointRestore open(Path directory) {
        if (!CheckpointStorage.isComplete(directory)) {
            throw new WeirException(ErrorKind.VALIDATION, "No complete checkpoint or savepoint at " + directory);
        }
        try {
            return new CheckpointRestore(directory, CheckpointStorage.readMetadata(directory));
        } catch (IOException e) {
            throw new WeirException(ErrorKind.VALIDATION, "Cannot read the checkpoint at " + directory + ": "
                    + e.getMessage(), e);
        }
    }

    public CheckpointMetadata metadata() {
        return metadata;
    }

    public Path directory() {
        return directory;
    }

    /** Fails when the checkpoint's vertex {@code vertexId} was a different step of the query. */
    public void checkVertex(int vertexId, String name) {
        CheckpointMetadata.Vertex vertex = metadata.vertex(vertexId);
        if (vertex != null && !vertex.name().equals(name)) {
            throw new WeirException(ErrorKind.VALIDATION, "The checkpoint at " + directory
                    + " belongs to another query: its step " + vertexId + " is " + vertex.name() + ", not " + name);
        }
    }

    /** What subtask {@code subtask} of {@code parallelism} of vertex {@code vertexId} restores. */
    public StateReader stateFor(int vertexId, int subtask, int parallelism) throws IOException {
        return RestoredOperatorState.forSubtask(load(vertexId), subtask, parallelism);
    }

    /** Every split position the sources of vertex {@code vertexId} recorded, whichever subtask read the split. */
    public synchronized Map<String, byte[]> positionsFor(int vertexId) throws IOException {
        load(vertexId);
        return positions.getOrDefault(vertexId, Map.of());
    }

    private synchronized List<OperatorStateData> load(int vertexId) throws IOException {
        List<OperatorStateData> loaded = states.get(vertexId);
        if (loaded != null) {
            return loaded;
        }
        CheckpointMetadata.Vertex vertex = metadata.vertex(vertexId);
        List<OperatorStateData> written = new ArrayList<>();
        Map<String, byte[]> splits = new HashMap<>();
        if (vertex != null) {
            for (int subtask = 0; subtask < vertex.parallelism(); subtask++) {
                SubtaskState state = CheckpointStorage.readSubtaskState(directory, vertexId, subtask);
                written.add(state == null ? null : state.state());
                if (state != null) {
                    splits.putAll(state.positions());
                }
            }
        }
        states.put(vertexId, written);
        positions.put(vertexId, splits);
        return written;
    }
}
