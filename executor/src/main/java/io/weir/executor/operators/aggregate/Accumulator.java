package io.weir.executor.operators.aggregate;

import io.weir.executor.data.Vector;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * The state of one aggregate call for every group, as primitive arrays indexed by group id, and the loop
 * that folds a chunk's rows into it. One subclass per function and physical type, so the hot loop reads a
 * typed array with no per-row dispatch, boxing or allocation.
 *
 * <p>Calls come from the owning operator's thread: {@link #ensureGroups} whenever the number of groups has
 * grown, {@link #accumulate} once per chunk, {@link #results} at the end. Operators whose groups come and go
 * (session windows) also {@link #merge} groups, {@link #reset} a group to re-use its id, and read the results
 * of scattered groups; every group id they pass is below the last {@link #ensureGroups} count.
 */
public abstract class Accumulator {

    /** Makes room for groups {@code [0, groupCount)}; new groups start empty. */
    public abstract void ensureGroups(int groupCount);

    /**
     * Folds rows {@code rows[0..count)} of {@code arg} into their groups: row {@code r} belongs to group
     * {@code groupIds[r]}. {@code arg} is null for {@code COUNT(*)}. The caller has already applied the FILTER
     * clause and DISTINCT, so every listed row counts; skipping null arguments is the accumulator's job.
     */
    public abstract void accumulate(Vector arg, int[] groupIds, int[] rows, int count);

    /**
     * Takes rows {@code rows[0..count)} of {@code arg} back out of their groups, as if they had never been folded
     * in: the {@code -U}/{@code -D} rows of an updating input, each of which was folded in before (in this chunk or
     * an earlier one). Only accumulators of functions that can be retracted override it.
     *
     * @throws UnsupportedOperationException for a function that cannot take rows back
     */
    public void retract(Vector arg, int[] groupIds, int[] rows, int count) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot retract rows");
    }

    /** The results of groups {@code [from, from + count)} as a new vector of the call's result type. */
    public abstract Vector results(int from, int count);

    /**
     * Folds the state of group {@code source} into group {@code target}, as if {@code target} had also seen
     * every row {@code source} saw (two session windows that a row bridges). {@code source} is left unchanged.
     */
    public abstract void merge(int target, int source);

    /**
     * Folds group {@code g} of {@code from} (an accumulator of the same call) into group {@code targets[g]} of this
     * one, for every {@code g < count}, as if this one had also seen their rows: partial aggregates of time slices
     * combined into a window. {@code from} is left unchanged; its groups {@code [0, count)} and the targets exist.
     */
    public abstract void mergeFrom(Accumulator from, int[] targets, int count);

    /** Empties group {@code group}: it then holds what a group that has seen no row holds, ready for re-use. */
    public abstract void reset(int group);

    /** The results of groups {@code groups[0..count)}, in that order, as a new vector of the result type. */
    public abstract Vector results(int[] groups, int count);

    /**
     * Writes the state of groups {@code groups[0..count)}, in that order, for a checkpoint (on the owning thread,
     * at the barrier); {@link #readGroups} reads it back into possibly other group ids.
     */
    public abstract void writeGroups(DataOutput out, int[] groups, int count) throws IOException;

    /** Reads what {@link #writeGroups} wrote into groups {@code groups[0..count)}; they were made room for. */
    public abstract void readGroups(DataInput in, int[] groups, int count) throws IOException;
}
