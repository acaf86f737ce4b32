package io.weir.executor.data;

/**
 * Marks the point in a stream where checkpoint {@code checkpointId} cuts it: state reflects every element
 * before the barrier and none after. Sources inject it; tasks with several input channels align on it.
 *
 * @param timestamp when the coordinator triggered it (epoch millis)
 * @param savepoint true for a savepoint, which is kept until deleted
 */
public record CheckpointBarrier(long checkpointId, long timestamp, boolean savepoint) implements StreamElement {
}
