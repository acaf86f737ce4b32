package io.weir.executor.checkpoint;

import java.nio.file.Path;

/**
 * How tasks report their part of a checkpoint to the coordinator. Called from checkpoint I/O threads; an
 * acknowledgement or decline for a checkpoint that is no longer pending (it timed out, or belongs to an earlier
 * attempt of the job) is ignored.
 */
public interface CheckpointAcks {

    /** Where checkpoint {@code checkpointId}'s state goes, or null when it is no longer pending: write nothing then. */
    Path directoryFor(long checkpointId);

    /** Task {@code task} of attempt {@code attempt} has written its state for the checkpoint. */
    void acknowledge(int attempt, long checkpointId, String task, long stateSize, long alignmentNanos);

    /** Task {@code task} could not take or write its part; the checkpoint fails. */
    void decline(int attempt, long checkpointId, String task, Throwable cause);

    /** Acknowledgements that go nowhere: for jobs run without a coordinator (runtime tests). */
    CheckpointAcks NONE = new CheckpointAcks() {
        @Override
        public Path directoryFor(long checkpointId) {
            return null;
        }

        @Override
        public void acknowledge(int attempt, long checkpointId, String task, long stateSize, long alignmentNanos) {
        }

        @Override
        public void decline(int attempt, long checkpointId, String task, Throwable cause) {
        }
    };
}
