package io.weir.executor.connector.filesystem;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;

/**
 * One {@code format} of the filesystem connector, bound to a table's columns and format options.
 * Immutable: one instance serves every subtask.
 */
interface FileFormat {

    /** The file name extension of part files, without the dot. */
    String extension();

    /** A decoder of the file {@code fileName} (used in error messages) that reads {@code in}. */
    RecordDecoder decoder(String fileName, Reader in) throws IOException;

    RecordEncoder encoder(Writer out) throws IOException;
}
