package io.weir.executor.connector.filesystem;

import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.data.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bounded scan of a fixed list of files. The files are the splits: file {@code i} (in name order) is read by
 * subtask {@code i % parallelism}, so every file is read exactly once whatever the parallelism.
 */
final class FileSource implements SourceFactory {

    private final List<Path> files;
    private final FileFormat format;
    private final List<DataType> columnTypes;

    FileSource(List<Path> files, FileFormat format, List<DataType> columnTypes) {
        this.files = List.copyOf(files);
        this.format = format;
        this.columnTypes = List.copyOf(columnTypes);
    }

    @Override
    public SourceReader createReader(int subtaskIndex, int parallelism) {
        List<Path> share = new ArrayList<>();
        for (int i = subtaskIndex; i < files.size(); i += parallelism) {
            share.add(files.get(i));
        }
        return new FileSourceReader(share, format, columnTypes);
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    List<Path> files() {
        return files;
    }
}
