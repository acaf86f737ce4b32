package io.weir.executor.runtime;

import java.time.Clock;

/**
 * The runtime settings tasks and channels need.
 *
 * @param chunkSize          rows per chunk at most, as operators are told and exchanges coalesce to
 * @param channelCapacity    elements a channel holds before its producer blocks
 * @param flushIntervalNanos how long rows may wait in a partially filled chunk before it is sent anyway
 * @param clock              the clock operators read
 */
public record TaskSettings(int chunkSize, int channelCapacity, long flushIntervalNanos, Clock clock) {
}
