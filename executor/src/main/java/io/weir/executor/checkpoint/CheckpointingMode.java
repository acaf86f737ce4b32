package io.weir.executor.checkpoint;

/** {@code execution.checkpointing.mode}: whether tasks with several input channels align on barriers. */
public enum CheckpointingMode {
    /**
     * A channel that delivered barrier n is not read again until n has arrived on every channel, so the snapshot
     * reflects exactly the elements before the barrier on every channel: restored state sees each row once.
     */
    EXACTLY_ONCE,
    /**
     * Channels keep flowing; the task snapshots when the last channel's barrier arrives. Rows that overtook the
     * barrier on faster channels are in the snapshot and are replayed after a restore: seen at least once.
     */
    AT_LEAST_ONCE
}
