package io.weir.executor.checkpoint;

import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.StateWriter;
import java.io.DataOutput;
import java.io.IOException;

/**
 * An operator's streams of one snapshot, each opened on first use and started with the operator's format version
 * byte. A {@link StateWriter} hands out each stream once; this lets an operator come back to a key group's stream
 * as often as it likes (a join writes its rows partition by partition, each spread over many key groups).
 */
public final class StateStreams {

    private final StateWriter writer;
    private final byte version;
    private final DataOutput[] keyGroups = new DataOutput[KeyGroups.MAX_PARALLELISM];
    private DataOutput allKeyGroups;
    private DataOutput operatorState;

    /** @param version the operator's format version, written first in every stream */
    public StateStreams(StateWriter writer, byte version) {
        this.writer = writer;
        this.version = version;
    }

    /** The stream of key group {@code keyGroup}, opened (with the version byte) on first use. */
    public DataOutput keyGroup(int keyGroup) throws IOException {
        DataOutput stream = keyGroups[keyGroup];
        if (stream == null) {
            stream = writer.keyGroup(keyGroup);
            stream.writeByte(version);
            keyGroups[keyGroup] = stream;
        }
        return stream;
    }

    /** The stream of keyed state not split by key group, opened (with the version byte) on first use. */
    public DataOutput allKeyGroups() throws IOException {
        if (allKeyGroups == null) {
            allKeyGroups = writer.allKeyGroups();
            allKeyGroups.writeByte(version);
        }
        return allKeyGroups;
    }

    /** The non-keyed stream, opened (with the version byte) on first use. */
    public DataOutput operatorState() throws IOException {
        if (operatorState == null) {
            operatorState = writer.operatorState();
            operatorState.writeByte(version);
        }
        return operatorState;
    }
}
