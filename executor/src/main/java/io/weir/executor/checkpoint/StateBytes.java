package io.weir.executor.checkpoint;

import io.weir.executor.api.StateSnapshot;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An operator's state serialized into memory at the barrier, on the task thread: one stream per key group and one
 * for the non-keyed state, each opened with the operator's format version byte ({@link StateStreams}).
 * {@link #snapshot()} then hands the runtime a {@link StateSnapshot} that only copies those bytes out, so it cannot
 * see the operator's later changes.
 *
 * <p>Serializing at the barrier costs the task time proportional to its state; it is the simple, correct choice
 * for the heap backend, where the alternative (copy-on-write structures) would slow every row.
 */
public final class StateBytes {

    private final OperatorStateData data = new OperatorStateData();
    private final StateStreams streams;

    /** @param version the operator's format version, written first in every stream */
    public StateBytes(byte version) {
        this.streams = new StateStreams(data, version);
    }

    /** The stream of key group {@code keyGroup}, opened (with the version byte) on first use. */
    public DataOutput keyGroup(int keyGroup) throws IOException {
        return streams.keyGroup(keyGroup);
    }

    /** The non-keyed stream, opened (with the version byte) on first use. */
    public DataOutput operatorState() throws IOException {
        return streams.operatorState();
    }

    /**
     * What writes the bytes collected so far, any number of times, on any thread. The caller must not write to this
     * object afterwards (the snapshot shares its bytes rather than copying them).
     */
    public StateSnapshot snapshot() {
        return data::copyTo;
    }

    /** Reads a stream's version byte and fails unless it is {@code expected}, naming {@code what} owns the state. */
    public static void checkVersion(DataInput in, byte expected, String what) throws IOException {
        readVersion(in, expected, expected, what);
    }

    /** Reads a stream's version byte and fails unless it is from {@code oldest} to {@code newest}; returns it. */
    public static byte readVersion(DataInput in, byte oldest, byte newest, String what) throws IOException {
        byte version = in.readByte();
        if (version < oldest || version > newest) {
            throw new IOException("Unknown state format version " + version + " of " + what
                    + " (this build reads version " + (oldest == newest ? oldest : oldest + " to " + newest) + ")");
        }
        return version;
    }
}
