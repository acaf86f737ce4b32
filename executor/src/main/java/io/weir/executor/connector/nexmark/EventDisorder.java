package io.weir.executor.connector.nexmark;

/**
 * How far a nexmark table departs from event-time order, as Beam's Nexmark can (its {@code outOfOrderGroupSize},
 * {@code probDelayedEvent} and {@code occasionalDelaySec}). Immutable.
 *
 * @param groupSize        events of the sequence are taken in groups of this many consecutive ids; each split emits
 *                         its events of a group in a shuffled order. 1 keeps every split in event-id order
 * @param delayProbability the share of events whose {@code date_time} is set back, in [0, 1]
 * @param maxDelayMillis   an event that is set back is set back by a delay in (0, maxDelayMillis]; 0 when
 *                         {@code delayProbability} is 0
 */
record EventDisorder(int groupSize, double delayProbability, long maxDelayMillis) {

    /** Every split in event-id order, every event at its place in the sequence's time line. */
    static final EventDisorder NONE = new EventDisorder(1, 0, 0);

    boolean shuffles() {
        return groupSize > 1;
    }

    boolean delays() {
        return delayProbability > 0;
    }
}
