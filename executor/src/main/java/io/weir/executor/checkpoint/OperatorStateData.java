package io.weir.executor.checkpoint;

import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.StateWriter;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One subtask's snapshot of one operator, held in memory: the bytes of each key group it wrote and of its
 * non-keyed state: what a restore reads from a state file ({@link SubtaskState#readFrom}), keeping key groups apart
 * so that a restore at another parallelism hands each key group to the subtask that owns it then
 * ({@link RestoredOperatorState}); and what tests snapshot into. Checkpoints write their files with
 * {@link SubtaskStateFile} instead, without holding the bytes.
 */
public final class OperatorStateData implements StateWriter {

    private final SortedMap<Integer, StateOutput> keyGroups = new TreeMap<>();
    private StateOutput allKeyGroups;
    private StateOutput operatorState;

    @Override
    public DataOutput keyGroup(int keyGroup) {
        StateOutput bytes = new StateOutput();
        putKeyGroup(keyGroup, bytes);
        return bytes;
    }

    private void putKeyGroup(int keyGroup, StateOutput bytes) {
        if (keyGroup < 0 || keyGroup >= KeyGroups.MAX_PARALLELISM) {
            throw new IllegalArgumentException("No key group " + keyGroup);
        }
        if (keyGroups.putIfAbsent(keyGroup, bytes) != null) {
            throw new IllegalStateException("Key group " + keyGroup + " was asked for twice");
        }
    }

    @Override
    public DataOutput allKeyGroups() {
        allKeyGroups = newStream(allKeyGroups, "The stream of all key groups");
        return allKeyGroups;
    }

    @Override
    public DataOutput operatorState() {
        operatorState = newStream(operatorState, "The operator state");
        return operatorState;
    }

    private static StateOutput newStream(StateOutput current, String what) {
        if (current != null) {
            throw new IllegalStateException(what + " was asked for twice");
        }
        return new StateOutput();
    }

    /**
     * Writes the bytes held to {@code writer}; into another {@code OperatorStateData} without copying them (it then
     * shares them: neither may be written to afterwards).
     */
    public void copyTo(StateWriter writer) throws IOException {
        for (var entry : keyGroups.entrySet()) {
            if (writer instanceof OperatorStateData data) {
                data.putKeyGroup(entry.getKey(), entry.getValue());
            } else {
                entry.getValue().writeTo(writer.keyGroup(entry.getKey()));
            }
        }
        if (allKeyGroups != null) {
            allKeyGroups.writeTo(writer.allKeyGroups());
        }
        if (operatorState != null) {
            operatorState.writeTo(writer.operatorState());
        }
    }

    /** The bytes written per key group, by key group. */
    public SortedMap<Integer, byte[]> keyGroupBytes() {
        SortedMap<Integer, byte[]> out = new TreeMap<>();
        keyGroups.forEach((group, bytes) -> out.put(group, bytes.toByteArray()));
        return Collections.unmodifiableSortedMap(out);
    }

    /** The bytes of the stream of all key groups, or null when the operator wrote none. */
    public byte[] allKeyGroupsBytes() {
        return allKeyGroups == null ? null : allKeyGroups.toByteArray();
    }

    /** The non-keyed state's bytes, or null when the operator wrote none. */
    public byte[] operatorStateBytes() {
        return operatorState == null ? null : operatorState.toByteArray();
    }

    public boolean isEmpty() {
        return keyGroups.isEmpty() && allKeyGroups == null && operatorState == null;
    }

    /** Bytes of state held. */
    public long size() {
        long size = (operatorState == null ? 0 : operatorState.size())
                + (allKeyGroups == null ? 0 : allKeyGroups.size());
        for (StateOutput bytes : keyGroups.values()) {
            size += bytes.size();
        }
        return size;
    }

    /** Appends a piece of key group {@code keyGroup}'s stream, as read from a state file. */
    void appendToKeyGroup(int keyGroup, byte[] piece) throws IOException {
        StateOutput stream = keyGroups.get(keyGroup);
        if (stream == null) {
            if (keyGroup < 0 || keyGroup >= KeyGroups.MAX_PARALLELISM) {
                throw new IOException("Corrupt operator state: key group " + keyGroup);
            }
            stream = new StateOutput();
            keyGroups.put(keyGroup, stream);
        }
        stream.write(piece);
    }

    /** Appends a piece of the stream of all key groups, as read from a state file. */
    void appendToAllKeyGroups(byte[] piece) {
        if (allKeyGroups == null) {
            allKeyGroups = new StateOutput();
        }
        allKeyGroups.write(piece);
    }

    /** Appends a piece of the non-keyed stream, as read from a state file. */
    void appendToOperatorState(byte[] piece) {
        if (operatorState == null) {
            operatorState = new StateOutput();
        }
        operatorState.write(piece);
    }

    /**
     * Reads the layout builds before {@link SubtaskStateFile} wrote: version byte 1; key-group count, then (group,
     * length, bytes) each; flag, then (length, bytes).
     */
    static OperatorStateData readVersion1(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version != 1) {
            throw new IOException("Unknown operator state format version " + version);
        }
        OperatorStateData data = new OperatorStateData();
        int groups = in.readInt();
        for (int i = 0; i < groups; i++) {
            int group = in.readInt();
            data.appendToKeyGroup(group, readBytes(in));
        }
        if (in.readBoolean()) {
            data.appendToOperatorState(readBytes(in));
        }
        return data;
    }

    /** A length-prefixed piece of bytes. */
    static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("Corrupt operator state: negative length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
