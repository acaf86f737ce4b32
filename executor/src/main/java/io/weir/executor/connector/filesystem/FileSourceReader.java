package io.weir.executor.connector.filesystem;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.api.WeirException;
import io.weir.executor.checkpoint.SplitPosition;
import io.weir.executor.connector.RowBatch;
import io.weir.executor.data.DataType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one subtask's files one after the other (UTF-8), emitting a chunk of up to {@code chunkSize} rows per
 * poll. Each file is a split: split {@code i} is the subtask's {@code i}-th file, and a chunk never mixes rows of
 * two files, so event time can be tracked per file.
 *
 * <p>Checkpoints: a file's position (its split id is its path, the same at any parallelism) is the number of rows
 * emitted from it and whether it is done. A restored reader skips a done file and re-decodes and drops the rows
 * already emitted of a started one: decoding is deterministic, and a byte offset would not survive the decoders'
 * read-ahead buffering.
 */
final class FileSourceReader implements SourceReader {

    private final List<Path> files;
    private final FileFormat format;
    private final List<DataType> columnTypes;

    private static final byte POSITION_VERSION = 1;

    private RowBatch batch;
    private int chunkSize;
    /** Per file of this reader: rows emitted, and whether it has been read to its end. */
    private final long[] emitted;
    private final boolean[] done;
    /** Rows of the current file still to drop, already emitted before the restored checkpoint. */
    private long toSkip;
    private int nextFile;
    private Reader currentReader;
    private RecordDecoder currentDecoder;

    FileSourceReader(List<Path> files, FileFormat format, List<DataType> columnTypes) {
        this.files = files;
        this.format = format;
        this.columnTypes = columnTypes;
        this.emitted = new long[files.size()];
        this.done = new boolean[files.size()];
    }

    @Override
    public Map<String, byte[]> snapshotPositions() {
        Map<String, byte[]> positions = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            positions.put(files.get(i).toString(), SplitPosition.encode(POSITION_VERSION, emitted[i], done[i] ? 1 : 0));
        }
        return positions;
    }

    @Override
    public void restorePositions(Map<String, byte[]> positions) {
        for (int i = 0; i < files.size(); i++) {
            String id = files.get(i).toString();
            byte[] position = positions.get(id);
            if (position != null) {
                long[] values = SplitPosition.decode(position, POSITION_VERSION, 2, id);
                emitted[i] = values[0];
                done[i] = values[1] != 0;
            }
        }
    }

    @Override
    public void open(OperatorContext context) {
        chunkSize = context.chunkSize();
        batch = new RowBatch(columnTypes, chunkSize);
    }

    @Override
    public int splitCount() {
        return files.size();
    }

    @Override
    public InputStatus pollNext(SourceOutput out) throws Exception {
        if (currentDecoder == null && !openNextFile()) {
            return InputStatus.END_OF_INPUT;
        }
        int split = nextFile - 1;
        boolean more;
        try {
            if (toSkip > 0) {
                return skipEmitted(split);
            }
            more = currentDecoder.fill(batch);
        } catch (CharacterCodingException e) {
            throw WeirException.execution("File '" + files.get(split) + "' is not valid UTF-8 text");
        } catch (IOException e) {
            throw WeirException.execution("Cannot read file '" + files.get(split) + "': " + e);
        }
        if (!batch.isEmpty()) {
            emitted[split] += batch.size();
            out.emit(split, batch.take());
        }
        if (!more) {
            done[split] = true;
            closeCurrent();
            // Ending in the same poll as the last file saves the task one empty round.
            return nextFile >= files.size() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    /** Decodes and drops up to a chunk of the rows emitted before the restored checkpoint. */
    private InputStatus skipEmitted(int split) throws IOException {
        RowBatch skipped = new RowBatch(columnTypes, (int) Math.min(toSkip, chunkSize));
        boolean more = currentDecoder.fill(skipped);
        toSkip -= skipped.size();
        if (!more || skipped.size() == 0) {
            // The file is shorter than the checkpoint says: it changed; nothing of it is left to read.
            toSkip = 0;
            done[split] = true;
            closeCurrent();
            return nextFile >= files.size() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private boolean openNextFile() {
        while (nextFile < files.size() && done[nextFile]) {
            nextFile++;
        }
        if (nextFile >= files.size()) {
            return false;
        }
        toSkip = emitted[nextFile];
        Path file = files.get(nextFile++);
        try {
            currentReader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            currentDecoder = format.decoder(file.toString(), currentReader);
        } catch (IOException e) {
            throw WeirException.execution("Cannot open file '" + file + "': " + e);
        }
        return true;
    }

    private void closeCurrent() throws IOException {
        try {
            if (currentDecoder != null) {
                currentDecoder.close();
            }
        } finally {
            currentDecoder = null;
            if (currentReader != null) {
                currentReader.close();
                currentReader = null;
            }
        }
    }

    @Override
    public void close() throws IOException {
        closeCurrent();
    }
}
