package io.weir.executor.checkpoint;

/**
 * One checkpoint as the status page shows it.
 *
 * @param status              IN_PROGRESS, COMPLETED or FAILED
 * @param triggerTimestamp    when it was triggered (epoch millis)
 * @param durationMillis      from trigger to completion or failure; so far while in progress
 * @param alignmentMillis     the longest barrier alignment of any task
 * @param sizeBytes           state written
 * @param path                its directory
 * @param failure             why it failed, or null
 */
public record CheckpointStats(long id, String status, boolean savepoint, long triggerTimestamp,
        long durationMillis, long alignmentMillis, long sizeBytes, String path, String failure) {
}
