package io.weir.executor.connector.filesystem;

import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.data.DataType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A table of csv or json files: {@code path} is one file or a directory whose non-hidden regular files are
 * read in name order (hidden: a name starting with {@code .} or {@code _}, as in Flink, which also hides
 * in-progress part files). Bounded; writable by batch inserts.
 */
final class FileSystemTable implements ConnectorTable {

    private final String tableName;
    private final String userPath;
    /** The real form of {@code path}, already checked against the allowed roots; it need not exist. */
    private final Path path;
    private final PathGuard guard;
    private final FileFormat format;
    private final List<DataType> columnTypes;

    FileSystemTable(String tableName, String userPath, Path path, PathGuard guard, FileFormat format,
            List<DataType> columnTypes) {
        this.tableName = tableName;
        this.userPath = userPath;
        this.path = path;
        this.guard = guard;
        this.format = format;
        this.columnTypes = List.copyOf(columnTypes);
    }

    @Override
    public String tableName() {
        return tableName;
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    /** Lists the files now, so every subtask divides the same list. */
    @Override
    public SourceFactory createSource() {
        if (!Files.exists(path)) {
            throw WeirException.validation("Path '" + userPath + "' of table '" + tableName + "' does not exist");
        }
        List<Path> files = Files.isDirectory(path) ? listDirectory() : List.of(path);
        return new FileSource(files, format, columnTypes);
    }

    private List<Path> listDirectory() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(path)) {
            for (Path entry : (Iterable<Path>) entries.sorted()::iterator) {
                if (isHidden(entry) || !Files.isRegularFile(entry)) {
                    continue;
                }
                // A link inside the directory may point anywhere: check where it really leads.
                Path real = entry.toRealPath();
                guard.check(real, entry.toString());
                files.add(real);
            }
        } catch (IOException e) {
            throw WeirException.validation("Cannot list directory '" + userPath + "': " + e.getMessage());
        }
        return files;
    }

    private static boolean isHidden(Path entry) {
        String name = entry.getFileName().toString();
        return name.startsWith(".") || name.startsWith("_");
    }

    @Override
    public OperatorFactory createSink() {
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw WeirException.validation("Path '" + userPath + "' of table '" + tableName
                    + "' is a file; a filesystem table is written as part files in a directory");
        }
        return () -> new FileSinkOperator(path, userPath, guard, format);
    }
}
