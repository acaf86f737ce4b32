package io.weir.executor.connector.filesystem;

import io.weir.executor.connector.RowBatch;
import java.io.Closeable;
import java.io.IOException;

/** Decodes the records of one open file into rows. Used by one reader thread. */
interface RecordDecoder extends Closeable {

    /**
     * Decodes records into {@code batch} until it is full or the file ends.
     *
     * @return false once the file has no more records
     * @throws io.weir.executor.api.WeirException EXECUTION for a bad record when parse errors are not ignored
     */
    boolean fill(RowBatch batch) throws IOException;
}
