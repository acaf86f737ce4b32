package io.weir.bench.flink;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/** The enumerator's checkpoint: the splits not handed to a reader yet. */
public record PendingSplits(List<GeneratorSplit> splits) {

    static final class Serializer implements SimpleVersionedSerializer<PendingSplits> {

        private final GeneratorSplitSerializer splitSerializer = new GeneratorSplitSerializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(PendingSplits pending) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(pending.splits().size());
                for (GeneratorSplit split : pending.splits()) {
                    byte[] b = splitSerializer.serialize(split);
                    out.writeInt(b.length);
                    out.write(b);
                }
            }
            return bytes.toByteArray();
        }

        @Override
        public PendingSplits deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                int n = in.readInt();
                List<GeneratorSplit> splits = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    byte[] b = new byte[in.readInt()];
                    in.readFully(b);
                    splits.add(splitSerializer.deserialize(version, b));
                }
                return new PendingSplits(splits);
            }
        }
    }
}
