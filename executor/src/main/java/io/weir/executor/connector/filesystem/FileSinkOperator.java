package io.weir.executor.connector.filesystem;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.RowKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * One subtask of a batch {@code INSERT INTO} a filesystem table. It writes {@code part-<subtask>-<uuid>.<ext>}
 * in the table's directory: first as a hidden in-progress file (readers skip names starting with a dot), which
 * {@link #endInput} renames to its final name in one atomic move, so readers see all of the subtask's rows or
 * none. {@link #close()} without that end deletes the in-progress file. A subtask that receives no rows writes
 * no file.
 *
 * <p>In a continuous (streaming) {@code INSERT INTO}, input ends only when the job does: the rows are written as
 * they arrive, but the part file becomes visible when the job finishes (a cancelled job's file is deleted). Until
 * checkpoints arrive (issue 4) and roll part files over on checkpoint completion, that is the only commit point.
 */
final class FileSinkOperator implements Operator {

    private final Path directory;
    private final String userPath;
    private final PathGuard guard;
    private final FileFormat format;

    private String fileName;
    private Path inProgress;
    private RecordEncoder encoder;
    private boolean committed;

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
        fileName = "part-" + context.subtaskIndex() + "-" + UUID.randomUUID() + "." + format.extension();
        inProgress = directory.resolve("." + fileName + ".inprogress");
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            if (encoder == null) {
                encoder = format.encoder(Files.newBufferedWriter(inProgress, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            }
            encoder.write(chunk);
        } catch (IOException e) {
            throw WeirException.execution("Cannot write file '" + inProgress + "': " + e);
        }
    }

    @Override
    public void endInput(int input, Output out) {
        if (encoder != null) {
            try {
                encoder.flush();
                encoder.close();
                encoder = null;
                Files.move(inProgress, directory.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw WeirException.execution("Cannot finish file '" + directory.resolve(fileName) + "': " + e);
            }
        }
        committed = true;
    }

    @Override
    public void close() throws IOException {
        try {
            if (encoder != null) {
                encoder.close();
            }
        } finally {
            encoder = null;
            if (!committed && inProgress != null) {
                Files.deleteIfExists(inProgress);
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
