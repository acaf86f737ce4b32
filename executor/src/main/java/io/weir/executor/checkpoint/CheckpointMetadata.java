package io.weir.executor.checkpoint;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The record that makes a checkpoint directory a complete checkpoint: written last, atomically, once every subtask
 * has written its state. Lists the vertices whose subtasks wrote state files, with the parallelism they ran at.
 */
public record CheckpointMetadata(long checkpointId, long timestamp, boolean savepoint, String jobName,
        List<Vertex> vertices, long sizeBytes) {

    private static final int MAGIC = 0x57434b50; // "WCKP"
    private static final byte FORMAT_VERSION = 1;

    /** A vertex of the job graph that was checkpointed, as it was then. */
    public record Vertex(int id, String name, int parallelism) {
    }

    public CheckpointMetadata {
        vertices = List.copyOf(vertices);
    }

    public Vertex vertex(int id) {
        for (Vertex vertex : vertices) {
            if (vertex.id() == id) {
                return vertex;
            }
        }
        return null;
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(MAGIC);
        out.writeByte(FORMAT_VERSION);
        out.writeLong(checkpointId);
        out.writeLong(timestamp);
        out.writeBoolean(savepoint);
        out.writeUTF(jobName);
        out.writeLong(sizeBytes);
        out.writeInt(vertices.size());
        for (Vertex vertex : vertices) {
            out.writeInt(vertex.id());
            out.writeUTF(vertex.name());
            out.writeInt(vertex.parallelism());
        }
    }

    public static CheckpointMetadata readFrom(DataInput in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a Weir checkpoint");
        }
        byte version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IOException("Unknown checkpoint format version " + version);
        }
        long id = in.readLong();
        long timestamp = in.readLong();
        boolean savepoint = in.readBoolean();
        String jobName = in.readUTF();
        long size = in.readLong();
        int count = in.readInt();
        List<Vertex> vertices = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            vertices.add(new Vertex(in.readInt(), in.readUTF(), in.readInt()));
        }
        return new CheckpointMetadata(id, timestamp, savepoint, jobName, vertices, size);
    }
}
