package io.weir.executor.api;

import java.io.IOException;

/**
 * The asynchronous part of an operator's snapshot: it writes the copy of the state the operator took at the
 * barrier ({@link Operator#snapshotState}). Runs on a checkpoint I/O thread, concurrently with the operator,
 * so it must only read that copy, never the operator's live state. The runtime writes a snapshot once; a snapshot
 * may let go of what it has written as it goes.
 */
@FunctionalInterface
public interface StateSnapshot {

    void writeTo(StateWriter writer) throws IOException;
}
