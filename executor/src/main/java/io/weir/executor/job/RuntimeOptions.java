package io.weir.executor.job;

import java.time.Clock;
import java.util.Objects;

/**
 * How the runtime executes jobs.
 *
 * @param chunkSize           rows per chunk at most ({@code chunk.size}); operators are told it and exchanges
 *                            coalesce small chunks up to it
 * @param channelCapacity     elements a channel between two subtasks holds before its producer blocks
 *                            (backpressure)
 * @param flushIntervalMillis how long rows may wait in a partially filled chunk before it is sent anyway
 *                            ({@code chunk.flush-interval}); 0 sends every chunk at once
 * @param clock               the clock operators read instead of the system's
 */
public record RuntimeOptions(int chunkSize, int channelCapacity, long flushIntervalMillis, Clock clock) {

    public static final int DEFAULT_CHUNK_SIZE = 1024;
    public static final int DEFAULT_CHANNEL_CAPACITY = 32;
    public static final long DEFAULT_FLUSH_INTERVAL_MILLIS = 10;

    public RuntimeOptions {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        if (channelCapacity < 1) {
            throw new IllegalArgumentException("channelCapacity must be positive: " + channelCapacity);
        }
        if (flushIntervalMillis < 0) {
            throw new IllegalArgumentException("flushIntervalMillis must not be negative: " + flushIntervalMillis);
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(DEFAULT_CHUNK_SIZE, DEFAULT_CHANNEL_CAPACITY, DEFAULT_FLUSH_INTERVAL_MILLIS,
                Clock.systemUTC());
    }

    public RuntimeOptions withChunkSize(int value) {
        return new RuntimeOptions(value, channelCapacity, flushIntervalMillis, clock);
    }

    public RuntimeOptions withChannelCapacity(int value) {
        return new RuntimeOptions(chunkSize, value, flushIntervalMillis, clock);
    }

    public RuntimeOptions withFlushIntervalMillis(long value) {
        return new RuntimeOptions(chunkSize, channelCapacity, value, clock);
    }

    public RuntimeOptions withClock(Clock value) {
        return new RuntimeOptions(chunkSize, channelCapacity, flushIntervalMillis, value);
    }
}
