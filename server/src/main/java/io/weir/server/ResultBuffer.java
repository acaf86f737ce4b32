package io.weir.server;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.ResultCollector;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import java.util.ArrayList;
import java.util.List;

/**
 * Holds the rows of a batch query until the response is written. Chunks are kept as they arrive (they are
 * immutable), so collecting copies nothing. A result over {@code maxRows} fails the query instead of
 * exhausting the server's memory.
 */
final class ResultBuffer implements ResultCollector {

    private final long maxRows;
    private final List<Chunk> chunks = new ArrayList<>();
    private long rows;

    ResultBuffer(long maxRows) {
        this.maxRows = maxRows;
    }

    @Override
    public synchronized void collect(Chunk chunk) {
        rows += chunk.size();
        if (rows > maxRows) {
            throw new WeirException(ErrorKind.RESOURCE_EXHAUSTED, "The result has more than " + maxRows
                    + " rows; add a LIMIT or raise 'result.max-rows'");
        }
        chunks.add(chunk);
    }

    synchronized List<Chunk> chunks() {
        return List.copyOf(chunks);
    }

    synchronized long rowCount() {
        return rows;
    }
}
