package io.weir.executor.job;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether and when a failed job restarts from its latest checkpoint ({@code restart-strategy.type} and its
 * options, as in Flink). Each strategy is a value; {@link #newTracker()} gives the mutable per-job state.
 */
public sealed interface RestartStrategy {

    /** {@code none}: the first failure fails the job. */
    record None() implements RestartStrategy {
    }

    /** {@code fixed-delay}: up to {@code attempts} restarts, each after {@code delayMillis}. */
    record FixedDelay(int attempts, long delayMillis) implements RestartStrategy {
    }

    /**
     * {@code exponential-delay}: the delay starts at {@code initialMillis} and grows by {@code multiplier} up to
     * {@code maxMillis}; after {@code resetThresholdMillis} without a failure it starts over. {@code attempts}
     * bounds the restarts (Flink's {@code attempts-before-reset-backoff}).
     */
    record ExponentialDelay(long initialMillis, long maxMillis, double multiplier, long resetThresholdMillis,
            int attempts) implements RestartStrategy {
    }

    /**
     * {@code failure-rate}: restarts after {@code delayMillis} unless more than {@code maxFailures} failures fell
     * within {@code intervalMillis}.
     */
    record FailureRate(int maxFailures, long intervalMillis, long delayMillis) implements RestartStrategy {
    }

    /** Flink's default with checkpointing on: exponential delay from 1 s to 1 min, reset after an hour. */
    static RestartStrategy defaultWithCheckpointing() {
        return new ExponentialDelay(1_000, 60_000, 1.5, 3_600_000, Integer.MAX_VALUE);
    }

    default Tracker newTracker() {
        return new Tracker(this);
    }

    /** One job's restart history under a strategy. Used under the job's lock. */
    final class Tracker {
        private final RestartStrategy strategy;
        private final Deque<Long> failures = new ArrayDeque<>();
        private int restarts;
        private long nextDelay;
        private long lastFailure = Long.MIN_VALUE;

        private Tracker(RestartStrategy strategy) {
            this.strategy = strategy;
        }

        /** A failure at {@code nowMillis}: the delay before restarting, or -1 to give up. */
        public long onFailure(long nowMillis) {
            long delay;
            if (strategy instanceof FixedDelay fixed) {
                delay = restarts < fixed.attempts() ? fixed.delayMillis() : -1;
            } else if (strategy instanceof ExponentialDelay exp) {
                delay = exponential(exp, nowMillis);
            } else if (strategy instanceof FailureRate rate) {
                failures.addLast(nowMillis);
                while (!failures.isEmpty() && failures.peekFirst() <= nowMillis - rate.intervalMillis()) {
                    failures.pollFirst();
                }
                delay = failures.size() > rate.maxFailures() ? -1 : rate.delayMillis();
            } else {
                delay = -1;
            }
            lastFailure = nowMillis;
            if (delay >= 0) {
                restarts++;
            }
            return delay;
        }

        public int restarts() {
            return restarts;
        }

        private long exponential(ExponentialDelay exp, long nowMillis) {
            if (lastFailure != Long.MIN_VALUE && nowMillis - lastFailure >= exp.resetThresholdMillis()) {
                nextDelay = 0;
            }
            if (restarts >= exp.attempts()) {
                return -1;
            }
            long delay = nextDelay == 0 ? exp.initialMillis() : nextDelay;
            nextDelay = Math.min(exp.maxMillis(), (long) (delay * exp.multiplier()));
            return delay;
        }
    }
}
