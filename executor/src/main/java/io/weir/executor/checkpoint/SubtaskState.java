package io.weir.executor.checkpoint;

import java.io.DataInput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one subtask of one vertex contributed to a checkpoint: a source's split positions (empty for operators) and
 * the operator's state, as read back from its file ({@link SubtaskStateFile} writes it).
 */
public record SubtaskState(Map<String, byte[]> positions, OperatorStateData state) {

    public SubtaskState {
        positions = Map.copyOf(positions);
    }

    /** Reads a state file as {@link SubtaskStateFile} writes it, or as builds before it did (versions 1 and 2). */
    public static SubtaskState readFrom(DataInput in) throws IOException {
        byte version = in.readByte();
        if (version < 1 || version > SubtaskStateFile.FORMAT_VERSION) {
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
        if (version == 1) {
            return new SubtaskState(positions, OperatorStateData.readVersion1(in));
        }
        OperatorStateData state = new OperatorStateData();
        for (byte tag = in.readByte(); tag != SubtaskStateFile.END; tag = in.readByte()) {
            if (tag == SubtaskStateFile.KEY_GROUP) {
                int group = in.readInt();
                state.appendToKeyGroup(group, OperatorStateData.readBytes(in));
            } else if (tag == SubtaskStateFile.ALL_KEY_GROUPS) {
                state.appendToAllKeyGroups(OperatorStateData.readBytes(in));
            } else if (tag == SubtaskStateFile.OPERATOR_STATE) {
                state.appendToOperatorState(OperatorStateData.readBytes(in));
            } else {
                throw new IOException("Corrupt subtask state: record tag " + tag);
            }
        }
        return new SubtaskState(positions, state);
    }
}
