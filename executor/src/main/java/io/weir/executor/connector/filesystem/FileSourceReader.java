package io.weir.executor.connector.filesystem;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.RowBatch;
import io.weir.executor.data.DataType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads one subtask's files one after the other (UTF-8), emitting a chunk of up to {@code chunkSize} rows per
 * poll. Each file is a split: split {@code i} is the subtask's {@code i}-th file, and a chunk never mixes rows of
 * two files, so event time can be tracked per file.
 */
final class FileSourceReader implements SourceReader {

    private final List<Path> files;
    private final FileFormat format;
    private final List<DataType> columnTypes;

    private RowBatch batch;
    private int nextFile;
    private Reader currentReader;
    private RecordDecoder currentDecoder;

    FileSourceReader(List<Path> files, FileFormat format, List<DataType> columnTypes) {
        this.files = files;
        this.format = format;
        this.columnTypes = columnTypes;
    }

    @Override
    public void open(OperatorContext context) {
        batch = new RowBatch(columnTypes, context.chunkSize());
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
            more = currentDecoder.fill(batch);
        } catch (CharacterCodingException e) {
            throw WeirException.execution("File '" + files.get(split) + "' is not valid UTF-8 text");
        } catch (IOException e) {
            throw WeirException.execution("Cannot read file '" + files.get(split) + "': " + e);
        }
        if (!batch.isEmpty()) {
            out.emit(split, batch.take());
        }
        if (!more) {
            closeCurrent();
            // Ending in the same poll as the last file saves the task one empty round.
            return nextFile >= files.size() ? InputStatus.END_OF_INPUT : InputStatus.MORE_AVAILABLE;
        }
        return InputStatus.MORE_AVAILABLE;
    }

    private boolean openNextFile() {
        if (nextFile >= files.size()) {
            return false;
        }
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
