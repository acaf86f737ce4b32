package io.weir.executor.connector.kafka;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions one reader reads, as its splits: split {@code i} is the {@code i}-th smallest partition number
 * among those with {@code partition % parallelism == subtaskIndex}. For each it keeps the next offset to read
 * (the source's position, which checkpoints will store) and, for a bounded scan, the offset to stop at.
 * Used by one reader thread.
 */
final class KafkaSplits {

    /** No stop offset: an unbounded split. */
    static final long UNBOUNDED = Long.MAX_VALUE;

    private final TopicPartition[] partitions;
    /** Split index by partition number; -1 for partitions of other subtasks. */
    private final int[] splitOfPartition;
    private final long[] nextOffsets;
    private final long[] stopOffsets;
    private final boolean[] finished;

    private KafkaSplits(TopicPartition[] partitions, int partitionCount) {
        this.partitions = partitions;
        this.splitOfPartition = new int[partitionCount];
        Arrays.fill(splitOfPartition, -1);
        for (int split = 0; split < partitions.length; split++) {
            splitOfPartition[partitions[split].partition()] = split;
        }
        this.nextOffsets = new long[partitions.length];
        this.stopOffsets = new long[partitions.length];
        Arrays.fill(stopOffsets, UNBOUNDED);
        this.finished = new boolean[partitions.length];
    }

    /** The share of {@code subtaskIndex} of a topic's partitions {@code 0 .. partitionCount - 1}. */
    static KafkaSplits assign(String topic, int partitionCount, int subtaskIndex, int parallelism) {
        List<TopicPartition> mine = new ArrayList<>();
        for (int p = subtaskIndex; p < partitionCount; p += parallelism) {
            mine.add(new TopicPartition(topic, p));
        }
        return new KafkaSplits(mine.toArray(new TopicPartition[0]), partitionCount);
    }

    int count() {
        return partitions.length;
    }

    TopicPartition partition(int split) {
        return partitions[split];
    }

    List<TopicPartition> partitions() {
        return Collections.unmodifiableList(Arrays.asList(partitions));
    }

    /** The split reading {@code partition}, or -1 when it is not one of this reader's. */
    int splitOf(TopicPartition partition) {
        int p = partition.partition();
        return p >= 0 && p < splitOfPartition.length ? splitOfPartition[p] : -1;
    }

    long nextOffset(int split) {
        return nextOffsets[split];
    }

    void setNextOffset(int split, long offset) {
        nextOffsets[split] = offset;
    }

    long stopOffset(int split) {
        return stopOffsets[split];
    }

    void setStopOffset(int split, long offset) {
        stopOffsets[split] = offset;
    }

    boolean isFinished(int split) {
        return finished[split];
    }

    void finish(int split) {
        finished[split] = true;
    }

    boolean allFinished() {
        for (boolean done : finished) {
            if (!done) {
                return false;
            }
        }
        return true;
    }

    /** Next offset by partition number, in partition order. */
    Map<Integer, Long> nextOffsets() {
        Map<Integer, Long> offsets = new TreeMap<>();
        for (int split = 0; split < partitions.length; split++) {
            offsets.put(partitions[split].partition(), nextOffsets[split]);
        }
        return offsets;
    }
}
