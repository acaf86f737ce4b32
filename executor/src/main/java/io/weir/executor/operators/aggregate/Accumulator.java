package io.weir.executor.operators.aggregate;

import io.weir.executor.data.Vector;

/**
 * The state of one aggregate call for every group, as primitive arrays indexed by group id, and the loop
 * that folds a chunk's rows into it. One subclass per function and physical type, so the hot loop reads a
 * typed array with no per-row dispatch, boxing or allocation.
 *
 * <p>Calls come from the owning operator's thread: {@link #ensureGroups} whenever the number of groups has
 * grown, {@link #accumulate} once per chunk, {@link #results} at the end.
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

    /** The results of groups {@code [from, from + count)} as a new vector of the call's result type. */
    public abstract Vector results(int from, int count);
}
