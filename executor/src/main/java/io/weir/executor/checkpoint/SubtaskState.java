package io.weir.executor.checkpoint;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one subtask of one vertex contributed to a checkpoint: a source's split positions (empty for operators) and
 * the operator's state. One file per subtask and vertex in the checkpoint directory.
 */
public record SubtaskState(Map<String, byte[]> positions, OperatorStateData state) {

    private static final byte FORMAT_VERSION = 1;

    public SubtaskState {
        positions = Map.copyOf(positions);
    }

    public long size() {
        long size = state.size();
        for (var entry : positions.entrySet()) {
            size += entry.getKey().length() + entry.getValue().length;
        }
        return size;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeInt(positions.size());
        for (var entry : positions.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue().length);
            out.write(entry.getValue());
        }
        state.writeTo(out);
    }

    public static SubtaskState readFrom(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IOException("Unknown subtask state format version " + version);
        }
        int count = in.readInt();
        Map<String, byte[]> positions = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String split = in.readUTF();
            byte[] position = new byte[in.readInt()];
            in.readFully(position);
            positions.put(split, position);
        }
        return new SubtaskState(positions, OperatorStateData.readFrom(in));
    }
}
