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
 * non-keyed state. An operator's {@code StateSnapshot} writes into it off the task thread; the checkpoint storage
 * then writes it out in the versioned layout of {@link #writeTo}, which keeps key groups apart so that a restore
 * at another parallelism hands each key group to the subtask that owns it then ({@link RestoredOperatorState}).
 */
public final class OperatorStateData implements StateWriter {

    private static final byte FORMAT_VERSION = 1;

    private final SortedMap<Integer, StateOutput> keyGroups = new TreeMap<>();
    private StateOutput operatorState;

    @Override
    public DataOutput keyGroup(int keyGroup) {
        if (keyGroup < 0 || keyGroup >= KeyGroups.MAX_PARALLELISM) {
            throw new IllegalArgumentException("No key group " + keyGroup);
        }
        if (keyGroups.containsKey(keyGroup)) {
            throw new IllegalStateException("Key group " + keyGroup + " was asked for twice");
        }
        StateOutput bytes = new StateOutput();
        keyGroups.put(keyGroup, bytes);
        return bytes;
    }

    /**
     * Takes {@code bytes} as the state of {@code keyGroup}, without copying (what {@link #keyGroup} and a write of
     * them would do); the caller must not write to them afterwards.
     */
    public void adoptKeyGroup(int keyGroup, StateOutput bytes) {
        keyGroup(keyGroup);
        keyGroups.put(keyGroup, bytes);
    }

    @Override
    public DataOutput operatorState() {
        if (operatorState != null) {
            throw new IllegalStateException("The operator state was asked for twice");
        }
        operatorState = new StateOutput();
        return operatorState;
    }

    /** The bytes written per key group, by key group. */
    public SortedMap<Integer, byte[]> keyGroupBytes() {
        SortedMap<Integer, byte[]> out = new TreeMap<>();
        keyGroups.forEach((group, bytes) -> out.put(group, bytes.toByteArray()));
        return Collections.unmodifiableSortedMap(out);
    }

    /** The non-keyed state's bytes, or null when the operator wrote none. */
    public byte[] operatorStateBytes() {
        return operatorState == null ? null : operatorState.toByteArray();
    }

    public boolean isEmpty() {
        return keyGroups.isEmpty() && operatorState == null;
    }

    /** Bytes of state held, for the checkpoint's reported size. */
    public long size() {
        long size = operatorState == null ? 0 : operatorState.size();
        for (StateOutput bytes : keyGroups.values()) {
            size += bytes.size();
        }
        return size;
    }

    /** Layout: version byte; key-group count, then (group, length, bytes) each; flag, then (length, bytes). */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeInt(keyGroups.size());
        for (var entry : keyGroups.entrySet()) {
            out.writeInt(entry.getKey());
            writeBytes(out, entry.getValue());
        }
        out.writeBoolean(operatorState != null);
        if (operatorState != null) {
            writeBytes(out, operatorState);
        }
    }

    public static OperatorStateData readFrom(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IOException("Unknown operator state format version " + version);
        }
        OperatorStateData data = new OperatorStateData();
        int groups = in.readInt();
        for (int i = 0; i < groups; i++) {
            int group = in.readInt();
            data.keyGroup(group).write(readBytes(in));
        }
        if (in.readBoolean()) {
            data.operatorState().write(readBytes(in));
        }
        return data;
    }

    private static void writeBytes(DataOutput out, StateOutput bytes) throws IOException {
        out.writeInt(Math.toIntExact(bytes.size()));
        bytes.writeTo(out);
    }

    private static byte[] readBytes(DataInput in) throws IOException {
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("Corrupt operator state: negative length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
