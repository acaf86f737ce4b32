package io.weir.executor.connector.filesystem;

import io.weir.executor.data.Chunk;
import java.io.Closeable;
import java.io.IOException;

/** Encodes chunks as records into one open part file. Used by one sink thread. */
interface RecordEncoder extends Closeable {

    /** Appends every row of {@code chunk} (whose columns are the table's columns). */
    void write(Chunk chunk) throws IOException;

    /** Writes out whatever is buffered; called before the file is made visible. */
    void flush() throws IOException;
}
