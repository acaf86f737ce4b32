package io.weir.executor.connector.datagen;

import io.weir.executor.checkpoint.SplitPosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A split of a datagen table: the table's rows {@code [from, to)} (by index in the whole table; an unbounded table
 * is rows {@code [0, Long.MAX_VALUE)}) and how many of them a reader has emitted, in order. Its id,
 * {@code datagen-rows-<from>-<to>}, names the rows whatever the parallelism, and its position holds
 * {@code (from, to, emitted)}.
 *
 * <p>A fresh run gives each subtask one contiguous range. A restored run divides the rows the old run had not
 * emitted (the tails of all old ranges, in row order) evenly among its subtasks, which read them as new ranges, so
 * every row is emitted exactly once across any number of restores at any parallelism (even at the same
 * parallelism a subtask may go on in rows another subtask had, when the old subtasks had not gone equally far;
 * since a row's values depend only on its index, that changes nothing but which subtask emits it). Rows covered by no range
 * of a checkpoint are done; so that a checkpoint of a finished table is not mistaken for one without datagen
 * positions, subtask 0 keeps an empty range when it gets no rows.
 */
final class RowRange {

    private static final byte POSITION_VERSION = 1;
    private static final String PREFIX = "datagen-rows-";

    final long from;
    final long to;
    /** Rows of the range emitted so far; the next row is {@code from + emitted}. */
    long emitted;

    RowRange(long from, long to, long emitted) {
        if (from > to || emitted < 0 || emitted > to - from) {
            throw new IllegalStateException("Corrupt datagen position: rows [" + from + ", " + to + "), " + emitted
                    + " emitted");
        }
        this.from = from;
        this.to = to;
        this.emitted = emitted;
    }

    long remaining() {
        return to - from - emitted;
    }

    String id() {
        return PREFIX + from + "-" + to;
    }

    /** The share of {@code subtask} of {@code parallelism} in rows {@code [0, total)}: contiguous, sizes within one. */
    static RowRange freshShare(long total, int subtask, int parallelism) {
        long base = total / parallelism;
        long remainder = total % parallelism;
        long from = subtask * base + Math.min(subtask, remainder);
        return new RowRange(from, from + base + (subtask < remainder ? 1 : 0), 0);
    }

    static Map<String, byte[]> positions(List<RowRange> ranges) {
        Map<String, byte[]> positions = new HashMap<>();
        for (RowRange range : ranges) {
            positions.put(range.id(), SplitPosition.encode(POSITION_VERSION, range.from, range.to, range.emitted));
        }
        return positions;
    }

    /** The datagen ranges among {@code positions} (of every old subtask), or an empty list when there are none. */
    static List<RowRange> fromPositions(Map<String, byte[]> positions) {
        List<RowRange> ranges = new ArrayList<>();
        positions.forEach((id, bytes) -> {
            if (id.startsWith(PREFIX)) {
                long[] values = SplitPosition.decode(bytes, POSITION_VERSION, 3, id);
                ranges.add(new RowRange(values[0], values[1], values[2]));
            }
        });
        ranges.sort(Comparator.comparingLong((RowRange r) -> r.from));
        return ranges;
    }

    /**
     * The ranges {@code subtask} of {@code parallelism} reads after a restore from {@code old}: its contiguous share
     * of the rows not yet emitted, taken from the old ranges' tails in row order.
     */
    static List<RowRange> restoredShare(List<RowRange> old, int subtask, int parallelism) {
        long total = 0;
        for (RowRange range : old) {
            total += range.remaining();
        }
        // A position in the concatenation of the tails: the share is [first, end) of it.
        RowRange share = freshShare(total, subtask, parallelism);
        List<RowRange> mine = new ArrayList<>();
        long offset = 0;
        for (RowRange range : old) {
            long start = Math.max(share.from, offset);
            long end = Math.min(share.to, offset + range.remaining());
            if (start < end) {
                long next = range.from + range.emitted;
                mine.add(new RowRange(next + start - offset, next + end - offset, 0));
            }
            offset += range.remaining();
        }
        if (mine.isEmpty() && subtask == 0) {
            mine.add(new RowRange(0, 0, 0));
        }
        return mine;
    }
}
