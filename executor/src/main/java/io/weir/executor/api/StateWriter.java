package io.weir.executor.api;

import java.io.DataOutput;
import java.io.IOException;

/**
 * Where a snapshot writes an operator's state, in the operator's own compact binary encoding (never Java
 * serialization; the operator should start each stream with a version byte of its own format).
 *
 * <p>Keyed state goes to the stream of its key group ({@link KeyGroups#keyGroup}), so that it can be restored
 * at another parallelism by the subtask that then owns the key group. State that is not keyed (a source's
 * positions, a sort's buffer at parallelism 1) goes to {@link #operatorState()}; on restore every subtask sees
 * every old subtask's operator state and takes what it needs.
 *
 * <p>Large keyed state that turns over quickly may go, unsplit, to {@link #allKeyGroups()} instead: scattering each
 * row to the stream of its key group can cost a checkpoint more than writing the row does.
 */
public interface StateWriter {

    /** The stream for key group {@code keyGroup}; ask once per key group. */
    DataOutput keyGroup(int keyGroup) throws IOException;

    /**
     * The stream for keyed state of all the key groups this subtask owns together, in whatever order the operator
     * keeps it; ask at most once. On restore, every subtask that owns one of those key groups then reads the whole
     * stream and keeps what it owns ({@link StateReader#ownsKeyGroup}), so the operator must be able to tell each
     * item's key group from what it wrote.
     */
    DataOutput allKeyGroups() throws IOException;

    /** The stream for the operator's non-keyed state; ask at most once. */
    DataOutput operatorState() throws IOException;
}
