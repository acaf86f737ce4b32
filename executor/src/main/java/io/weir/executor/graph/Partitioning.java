package io.weir.executor.graph;

import java.util.Arrays;

/** How the rows of a producer's subtasks are routed to a consumer's subtasks along an edge. */
public sealed interface Partitioning {

    /** Subtask i sends to subtask i; both sides have the same parallelism (such edges are chained). */
    record Forward() implements Partitioning {
    }

    /** Rows go to the subtask that owns the hash of the key columns, so equal keys meet in one subtask. */
    record Hash(int[] keys) implements Partitioning {
        @Override
        public boolean equals(Object o) {
            return o instanceof Hash h && Arrays.equals(keys, h.keys);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(keys);
        }

        @Override
        public String toString() {
            return "HASH" + Arrays.toString(keys);
        }
    }

    /** Every row goes to every consumer subtask. */
    record Broadcast() implements Partitioning {
    }

    /** Chunks go round-robin to spread load. */
    record Rebalance() implements Partitioning {
    }

    /** Everything goes to consumer subtask 0 (the consumer has parallelism 1). */
    record Single() implements Partitioning {
    }

    Partitioning FORWARD = new Forward();
    Partitioning BROADCAST = new Broadcast();
    Partitioning REBALANCE = new Rebalance();
    Partitioning SINGLE = new Single();

    static Partitioning hash(int... keys) {
        return new Hash(keys.clone());
    }
}
