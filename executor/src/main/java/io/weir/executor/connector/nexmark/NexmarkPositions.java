package io.weir.executor.connector.nexmark;

import io.weir.executor.checkpoint.SplitPosition;
import java.util.Map;

/**
 * A nexmark reader's checkpointed position, one entry per subtask of the run that wrote it
 * ({@code nexmark-subtask-<s>}): that run's parallelism, the local cycle and slot of the subtask's next row, and, for
 * a shuffled table stopped inside a group, the group's start and how many of its rows went out. Since subtask
 * {@code s} of {@code p} reads global cycles {@code s, s + p, ...}, the entries of all old subtasks together say for
 * any event whether it was emitted, so a restored run can divide the rest among any number of subtasks.
 */
final class NexmarkPositions {

    private static final byte VERSION = 1;
    private static final String PREFIX = "nexmark-subtask-";

    private NexmarkPositions() {
    }

    /**
     * What an earlier run emitted. {@code cycles[o]} and {@code slots[o]}: old subtask o's next row (its local cycle
     * and slot); {@code groupRows[o]}: rows of its current group already emitted (shuffled tables).
     */
    record Progress(int parallelism, long[] cycles, int[] slots, long[] groupRows) {

        /** True when the event of global cycle {@code globalCycle}, entity slot {@code slot} was emitted. */
        boolean isDone(long globalCycle, int slot) {
            int owner = (int) (globalCycle % parallelism);
            long local = globalCycle / parallelism;
            return local < cycles[owner] || (local == cycles[owner] && slot < slots[owner]);
        }

        /** True when no event of {@code globalCycle} or later was emitted. */
        boolean isPast(long globalCycle) {
            for (int owner = 0; owner < parallelism; owner++) {
                if (globalCycle <= cycles[owner] * parallelism + owner) {
                    return false;
                }
            }
            return true;
        }

        boolean midGroup() {
            for (long rows : groupRows) {
                if (rows > 0) {
                    return true;
                }
            }
            return false;
        }
    }

    static Map<String, byte[]> encode(int subtask, int parallelism, long[] position) {
        return Map.of(PREFIX + subtask, SplitPosition.encode(VERSION, parallelism, position[0], position[1],
                position[2]));
    }

    /** The progress of the run that wrote {@code positions}, or null when they hold no nexmark entry. */
    static Progress decode(Map<String, byte[]> positions) {
        int parallelism = -1;
        long[] cycles = null;
        int[] slots = null;
        long[] groupRows = null;
        for (int s = 0; ; s++) {
            String split = PREFIX + s;
            byte[] bytes = positions.get(split);
            if (bytes == null) {
                break;
            }
            long[] values = SplitPosition.decode(bytes, VERSION, 4, split);
            if (cycles == null) {
                parallelism = (int) values[0];
                cycles = new long[parallelism];
                slots = new int[parallelism];
                groupRows = new long[parallelism];
            }
            cycles[s] = values[1];
            slots[s] = (int) values[2];
            groupRows[s] = values[3];
        }
        if (cycles == null) {
            return null;
        }
        for (int s = 0; s < parallelism; s++) {
            if (!positions.containsKey(PREFIX + s)) {
                throw new IllegalStateException("The checkpoint lacks the position of nexmark subtask " + s + " of "
                        + parallelism);
            }
        }
        return new Progress(parallelism, cycles, slots, groupRows);
    }
}
