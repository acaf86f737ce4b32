package io.weir.executor.checkpoint;

import io.weir.executor.api.StateSnapshot;
import io.weir.executor.api.StateWriter;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * An operator's state serialized into byte arrays at the barrier, on the task thread: one stream per key group
 * and one for the non-keyed state, each opened with the operator's format version byte. {@link #snapshot()} then
 * hands the runtime a {@link StateSnapshot} that only copies those bytes, so it cannot see the operator's later
 * changes and may be written out any number of times, on any thread.
 *
 * <p>Serializing at the barrier costs the task time proportional to its state; it is the simple, correct choice
 * for the heap backend, where the alternative (copy-on-write structures) would slow every row.
 */
public final class StateBytes {

    private final byte version;
    private final TreeMap<Integer, Stream> keyGroups = new TreeMap<>();
    private Stream operatorState;

    /** @param version the operator's format version, written first in every stream */
    public StateBytes(byte version) {
        this.version = version;
    }

    /** The stream of key group {@code keyGroup}, opened (with the version byte) on first use. */
    public DataOutput keyGroup(int keyGroup) throws IOException {
        Stream stream = keyGroups.get(keyGroup);
        if (stream == null) {
            stream = new Stream(version);
            keyGroups.put(keyGroup, stream);
        }
        return stream.bytes;
    }

    /** The non-keyed stream, opened (with the version byte) on first use. */
    public DataOutput operatorState() throws IOException {
        if (operatorState == null) {
            operatorState = new Stream(version);
        }
        return operatorState.bytes;
    }

    /** What writes the bytes collected so far; later writes to this object do not change it. */
    public StateSnapshot snapshot() {
        Map<Integer, byte[]> groups = new TreeMap<>();
        keyGroups.forEach((group, stream) -> groups.put(group, stream.bytes.toByteArray()));
        byte[] operator = operatorState == null ? null : operatorState.bytes.toByteArray();
        return new Bytes(groups, operator);
    }

    /**
     * Writes the bytes collected so far straight to {@code writer}, without the copy {@link #snapshot()} takes: for
     * a snapshot that serializes in its asynchronous part, where nothing writes to this object afterwards.
     */
    public void writeTo(StateWriter writer) throws IOException {
        for (var entry : keyGroups.entrySet()) {
            if (writer instanceof OperatorStateData data) {
                data.adoptKeyGroup(entry.getKey(), entry.getValue().bytes);
            } else {
                entry.getValue().bytes.writeTo(writer.keyGroup(entry.getKey()));
            }
        }
        if (operatorState != null) {
            operatorState.bytes.writeTo(writer.operatorState());
        }
    }

    private static final class Stream {
        private final StateOutput bytes = new StateOutput();

        Stream(byte version) {
            bytes.writeByte(version);
        }
    }

    private record Bytes(Map<Integer, byte[]> keyGroups, byte[] operatorState) implements StateSnapshot {
        @Override
        public void writeTo(StateWriter writer) throws IOException {
            for (var entry : keyGroups.entrySet()) {
                writer.keyGroup(entry.getKey()).write(entry.getValue());
            }
            if (operatorState != null) {
                writer.operatorState().write(operatorState);
            }
        }
    }

    /** Reads a stream's version byte and fails unless it is {@code expected}, naming {@code what} owns the state. */
    public static void checkVersion(DataInput in, byte expected, String what) throws IOException {
        byte version = in.readByte();
        if (version != expected) {
            throw new IOException("Unknown state format version " + version + " of " + what
                    + " (this build reads version " + expected + ")");
        }
    }
}
