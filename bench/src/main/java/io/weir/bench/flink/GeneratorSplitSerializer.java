package io.weir.bench.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** Binary form of a {@link GeneratorSplit}: subtask, parallelism, then the positions as (id, bytes) pairs. */
final class GeneratorSplitSerializer implements SimpleVersionedSerializer<GeneratorSplit> {

    @Override
    public int getVersion() {
        return 1;
    }

    @Override
    public byte[] serialize(GeneratorSplit split) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(split.subtask());
            out.writeInt(split.parallelism());
            out.writeInt(split.positions().size());
            for (Map.Entry<String, byte[]> e : split.positions().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeInt(e.getValue().length);
                out.write(e.getValue());
            }
        }
        return bytes.toByteArray();
    }

    @Override
    public GeneratorSplit deserialize(int version, byte[] serialized) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int subtask = in.readInt();
            int parallelism = in.readInt();
            int n = in.readInt();
            Map<String, byte[]> positions = new HashMap<>();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                positions.put(id, value);
            }
            return new GeneratorSplit(subtask, parallelism, positions);
        }
    }
}
