package io.weir.executor.operators.window;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.aggregate.AggregateCallState;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * One aggregate call over session windows, whose groups are session slots that merge and are re-used. A plain
 * call is an {@link AggregateCallState} whose groups merge and reset; a DISTINCT call aggregates without
 * DISTINCT, fed only the values new to each session by a {@link SessionDistinctValues}, which also decides what
 * a merge adds.
 */
final class SessionAggregateCall {

    private final AggregateCallState state;
    /** Null unless the call is DISTINCT (over an argument). */
    private final SessionDistinctValues distinct;

    SessionAggregateCall(AggregateCall call) {
        boolean isDistinct = call.distinct() && call.argIndex() >= 0;
        this.state = new AggregateCallState(isDistinct
                ? new AggregateCall(call.kind(), call.argIndex(), call.filterIndex(), false, call.argType(),
                        call.resultType())
                : call);
        this.distinct = isDistinct ? new SessionDistinctValues(call) : null;
    }

    /** Folds rows {@code selection[0..count)} of {@code chunk} into their sessions' slots {@code slots[row]}. */
    void accumulate(Chunk chunk, int[] slots, int slotCount, int[] selection, int count, Sessions sessions) {
        if (distinct == null) {
            state.accumulate(chunk, slots, slotCount, selection, count);
        } else {
            int fresh = distinct.keepNew(chunk, slots, selection, count, sessions);
            state.accumulate(chunk, slots, slotCount, distinct.kept(), fresh);
        }
    }

    /** Folds session {@code source} into session {@code target}. */
    void merge(int target, int source, int slotCount, Sessions sessions) {
        if (distinct == null) {
            state.merge(target, source, slotCount);
        } else {
            int fresh = distinct.moveNew(target, source, sessions);
            state.accumulateValues(distinct.moved(), fresh, target, slotCount);
        }
    }

    /** Empties the slot of a session that closed or was absorbed. */
    void reset(int slot, int slotCount) {
        state.reset(slot, slotCount);
        if (distinct != null) {
            distinct.clear(slot);
        }
    }

    Vector results(int[] slots, int count, int slotCount) {
        return state.results(slots, count, slotCount);
    }

    /** Lets go of memory held for sessions that are gone, when there is enough of it. */
    void compact(Sessions sessions) {
        if (distinct != null) {
            distinct.compact(sessions);
        }
    }

    /** Writes the state of sessions {@code slots[0..count)} for a checkpoint: the aggregate, then DISTINCT values. */
    void write(DataOutput out, int[] slots, int count, int slotCount) throws IOException {
        state.writeGroups(out, slots, count, slotCount);
        if (distinct != null) {
            distinct.write(out, slots, count);
        }
    }

    /** Reads what {@link #write} wrote into the (fresh) sessions {@code slots[0..count)}. */
    void read(DataInput in, int[] slots, int count, int slotCount, Sessions sessions) throws IOException {
        state.readGroups(in, slots, count, slotCount);
        if (distinct != null) {
            distinct.read(in, slots, count, sessions);
        }
    }
}
