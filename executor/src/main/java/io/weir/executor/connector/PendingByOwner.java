package io.weir.executor.connector;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a write-ahead sink holds until the checkpoint that covers it completes: batches of rows, each sealed at a
 * checkpoint barrier, grouped by owner (the subtask that received them, whose commit marker decides whether a batch
 * is already written). Mutated on the task thread only; {@link #copy()} gives the immutable view a snapshot writes
 * elsewhere.
 *
 * @param <O> the owner
 * @param <B> a batch: immutable, with the id of the checkpoint that sealed it
 */
public class PendingByOwner<O, B extends PendingByOwner.Batch> {

    /** A sealed batch of rows. */
    public interface Batch {
        /** The checkpoint whose barrier sealed the batch: it is written once that checkpoint is complete. */
        long checkpointId();
    }

    private final Supplier<Map<O, List<B>>> maps;
    /** Owner to its batches in checkpoint order. */
    private final Map<O, List<B>> byOwner;

    /** @param maps makes the maps of owners, which decides their order (sorted, or in order of arrival) */
    protected PendingByOwner(Supplier<Map<O, List<B>>> maps) {
        this.maps = maps;
        this.byOwner = maps.get();
    }

    public void add(O owner, B batch) {
        byOwner.computeIfAbsent(owner, o -> new ArrayList<>()).add(batch);
    }

    public boolean isEmpty() {
        return byOwner.isEmpty();
    }

    /** Owners and their batches with a checkpoint id at or below {@code checkpointId}, in order. */
    public Map<O, List<B>> upTo(long checkpointId) {
        Map<O, List<B>> selected = maps.get();
        byOwner.forEach((owner, batches) -> {
            List<B> due = new ArrayList<>();
            for (B batch : batches) {
                if (batch.checkpointId() <= checkpointId) {
                    due.add(batch);
                }
            }
            if (!due.isEmpty()) {
                selected.put(owner, due);
            }
        });
        return selected;
    }

    /** Forgets the batches at or below {@code checkpointId}: they are committed. */
    public void removeUpTo(long checkpointId) {
        byOwner.values().forEach(batches -> batches.removeIf(batch -> batch.checkpointId() <= checkpointId));
        byOwner.values().removeIf(List::isEmpty);
    }

    /** An immutable copy (the batches themselves are immutable), for a snapshot. */
    public Map<O, List<B>> copy() {
        Map<O, List<B>> copy = maps.get();
        byOwner.forEach((owner, batches) -> copy.put(owner, List.copyOf(batches)));
        return Collections.unmodifiableMap(copy);
    }
}
