package io.weir.executor.connector.filesystem;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.api.StateSnapshot;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.RowKind;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One subtask of an {@code INSERT INTO} a filesystem table. Rows go to a hidden in-progress part file,
 * {@code .part-<sink>-<subtask>-<uuid>.<ext>.inprogress} (readers skip names starting with a dot; {@code <sink>}
 * names the job and the operator, so a restored sink finds its own leftovers), made visible as
 * {@code part-<subtask>-<uuid>.<ext>} by one atomic rename:
 *
 * <ul>
 *   <li>With checkpoints: at the barrier of checkpoint {@code n} ({@link #snapshotState}) the open file is closed
 *       and recorded as pending in the state; {@link #notifyCheckpointComplete}({@code n}) renames the pending files
 *       of checkpoints {@code <= n}. An aborted checkpoint's files wait for the next completed one.
 *       {@link #restoreState} renames the pending files of the restored (complete) checkpoint, idempotently, and
 *       deletes stray in-progress files of this sink (rows written after that checkpoint, which the sources
 *       replay). Old subtask {@code s} is restored by new subtask {@code s % parallelism}.</li>
 *   <li>Without checkpoints (the runtime then never calls those hooks) and at the end of a bounded input:
 *       {@link #endInput} renames everything, so readers see all of the subtask's rows or none.</li>
 * </ul>
 *
 * <p>{@link #close()} without end of input deletes the open file; pending files stay for a restore to commit. A
 * subtask that receives no rows writes no file. Every method runs on the task thread.
 */
final class FileSinkOperator implements Operator {

    private static final byte STATE_VERSION = 1;

    private final Path directory;
    private final String userPath;
    private final PathGuard guard;
    private final FileFormat format;

    private String sinkTag;
    private int subtask;
    private int parallelism;
    private final List<PendingPartFile> pending = new ArrayList<>();
    /** The open part file's names, or null between files. */
    private String inProgressName;
    private String finalName;
    private RecordEncoder encoder;
    private boolean ended;

    FileSinkOperator(Path directory, String userPath, PathGuard guard, FileFormat format) {
        this.directory = directory;
        this.userPath = userPath;
        this.guard = guard;
        this.format = format;
    }

    @Override
    public void open(OperatorContext context) {
        try {
            Files.createDirectories(directory);
            // Checked again now that the directory exists: a link created since planning must not lead outside.
            guard.check(directory.toRealPath(), userPath);
        } catch (IOException e) {
            throw WeirException.execution("Cannot create directory '" + directory + "': " + e);
        }
        sinkTag = fileNamePart(context.jobName()) + "_" + fileNamePart(context.operatorName());
        subtask = context.subtaskIndex();
        parallelism = context.parallelism();
    }

    /** Letters and digits kept, everything else '_': no '-' remains, so a name's parts stay apart. */
    private static String fileNamePart(String name) {
        return name.replaceAll("[^A-Za-z0-9]", "_");
    }

    private String inProgressPrefix(int ofSubtask) {
        return ".part-" + sinkTag + "-" + ofSubtask + "-";
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            if (encoder == null) {
                String id = UUID.randomUUID().toString();
                finalName = "part-" + subtask + "-" + id + "." + format.extension();
                inProgressName = inProgressPrefix(subtask) + id + "." + format.extension() + ".inprogress";
                encoder = format.encoder(Files.newBufferedWriter(directory.resolve(inProgressName),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            }
            encoder.write(chunk);
        } catch (IOException e) {
            throw WeirException.execution("Cannot write file '" + directory.resolve(inProgressName) + "': " + e);
        }
    }

    /** Closes the open part file (if any) and records it as pending for {@code checkpointId}. */
    private void closeCurrent(long checkpointId) {
        if (encoder == null) {
            return;
        }
        try {
            encoder.flush();
            encoder.close();
        } catch (IOException e) {
            throw WeirException.execution("Cannot finish file '" + directory.resolve(inProgressName) + "': " + e);
        }
        encoder = null;
        pending.add(new PendingPartFile(checkpointId, inProgressName, finalName));
        inProgressName = null;
    }

    @Override
    public StateSnapshot snapshotState(long checkpointId) {
        closeCurrent(checkpointId);
        List<PendingPartFile> copy = List.copyOf(pending);
        int owner = subtask;
        return writer -> {
            DataOutput out = writer.operatorState();
            out.writeByte(STATE_VERSION);
            out.writeInt(owner);
            out.writeInt(copy.size());
            for (PendingPartFile file : copy) {
                file.writeTo(out);
            }
        };
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        commitUpTo(checkpointId);
    }

    @Override
    public void restoreState(StateReader state) throws Exception {
        List<Integer> owners = new ArrayList<>();
        for (DataInput in : state.operatorStates()) {
            byte version = in.readByte();
            if (version != STATE_VERSION) {
                throw new IOException("Unknown filesystem sink state version " + version);
            }
            int owner = in.readInt();
            int count = in.readInt();
            boolean mine = owner % parallelism == subtask;
            for (int i = 0; i < count; i++) {
                PendingPartFile file = PendingPartFile.readFrom(in);
                if (mine) {
                    pending.add(file);
                }
            }
            if (mine) {
                owners.add(owner);
            }
        }
        // Everything restored belongs to the restored checkpoint, which is complete.
        commitUpTo(Long.MAX_VALUE);
        if (!owners.contains(subtask)) {
            owners.add(subtask);
        }
        deleteStrayFiles(owners);
    }

    private void deleteStrayFiles(List<Integer> owners) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                if (!name.endsWith(".inprogress")) {
                    continue;
                }
                for (int owner : owners) {
                    if (name.startsWith(inProgressPrefix(owner))) {
                        Files.deleteIfExists(entry);
                        break;
                    }
                }
            }
        }
    }

    private void commitUpTo(long checkpointId) {
        List<PendingPartFile> due = new ArrayList<>();
        for (PendingPartFile file : pending) {
            if (file.checkpointId() <= checkpointId) {
                due.add(file);
            }
        }
        for (PendingPartFile file : due) {
            try {
                file.commit(directory);
            } catch (IOException e) {
                throw WeirException.execution("Cannot finish file '" + directory.resolve(file.finalName()) + "': " + e);
            }
            pending.remove(file);
        }
    }

    @Override
    public void endInput(int input, Output out) {
        closeCurrent(Long.MAX_VALUE);
        commitUpTo(Long.MAX_VALUE);
        ended = true;
    }

    @Override
    public void close() throws IOException {
        try {
            if (encoder != null) {
                encoder.close();
            }
        } finally {
            encoder = null;
            if (!ended && inProgressName != null) {
                // Rows after the last barrier: a restore replays them from the sources. Pending files stay.
                Files.deleteIfExists(directory.resolve(inProgressName));
            }
        }
    }

    /** Filesystem tables are append-only: a changelog row other than an insert cannot be written. */
    static void checkInsertOnly(Chunk chunk) {
        if (chunk.isInsertOnly()) {
            return;
        }
        for (int row = 0; row < chunk.size(); row++) {
            RowKind kind = chunk.rowKind(row);
            if (kind != RowKind.INSERT) {
                throw WeirException.execution("A filesystem table accepts only inserted rows, got a "
                        + kind.shortString() + " row");
            }
        }
    }
}
