package io.weir.executor.checkpoint;

import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.StateWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * Writes one subtask's state file while the operator's snapshot produces it: each stream's bytes go to the file a
 * block at a time ({@link StateOutput.BlockSink}), so a snapshot holds one block per stream however large the state
 * is, instead of all its bytes until the last is written (for a large state, hundreds of megabytes that the garbage
 * collector would copy while the snapshot lasts).
 *
 * <p>Layout (version 3): version byte; the source's split positions (count, then name, length, bytes each); then
 * records, each a tag byte: {@code 1} a piece of a key group's stream (group, length, bytes), {@code 2} a piece of
 * the non-keyed stream (length, bytes), {@code 3} a piece of the stream of all key groups (length, bytes; new in
 * version 3, which otherwise is version 2), {@code 0} the end. The pieces of one stream are in order and concatenate to
 * it ({@link SubtaskState#readFrom}). The file is created with the first bytes; a subtask without positions or state
 * leaves none.
 */
public final class SubtaskStateFile implements StateWriter, AutoCloseable {

    static final byte FORMAT_VERSION = 3;
    static final byte END = 0;
    static final byte KEY_GROUP = 1;
    static final byte OPERATOR_STATE = 2;
    static final byte ALL_KEY_GROUPS = 3;
    /** Bytes gathered for the file: large enough that writes are few. */
    private static final int BUFFER = 256 * 1024;
    /**
     * A direct buffer per checkpoint I/O thread, taken by the file it writes and given back when closed: native
     * memory is freed only when the garbage collector finds its buffer, so allocating one per file of every
     * checkpoint would pile it up in a job that allocates little else.
     */
    private static final ThreadLocal<ByteBuffer> SPARE_BUFFER = new ThreadLocal<>();

    private final Path path;
    private final Map<String, byte[]> positions;
    private final StateOutput[] keyGroups = new StateOutput[KeyGroups.MAX_PARALLELISM];
    private StateOutput allKeyGroups;
    private StateOutput operatorState;

    private FileChannel channel;
    private ByteBuffer buffer;
    /** Bytes of the split positions (names and values). */
    private long positionBytes;

    private SubtaskStateFile(Path path, Map<String, byte[]> positions) {
        this.path = path;
        this.positions = Map.copyOf(positions);
        for (var entry : this.positions.entrySet()) {
            positionBytes += entry.getKey().length() + entry.getValue().length;
        }
    }

    /** The state file of {@code subtask} of vertex {@code vertexId}, opened for writing, starting with its positions. */
    public static SubtaskStateFile create(Path checkpointDir, int vertexId, int subtask, Map<String, byte[]> positions) {
        return new SubtaskStateFile(CheckpointStorage.stateFile(checkpointDir, vertexId, subtask), positions);
    }

    @Override
    public StateOutput keyGroup(int keyGroup) {
        if (keyGroup < 0 || keyGroup >= KeyGroups.MAX_PARALLELISM) {
            throw new IllegalArgumentException("No key group " + keyGroup);
        }
        if (keyGroups[keyGroup] != null) {
            throw new IllegalStateException("Key group " + keyGroup + " was asked for twice");
        }
        StateOutput stream = new StateOutput((bytes, length) -> {
            ByteBuffer file = file(9);
            file.put(KEY_GROUP).putInt(keyGroup);
            writePiece(file, bytes, length);
        });
        keyGroups[keyGroup] = stream;
        return stream;
    }

    @Override
    public StateOutput allKeyGroups() {
        allKeyGroups = streamOfRecords(allKeyGroups, ALL_KEY_GROUPS, "The stream of all key groups");
        return allKeyGroups;
    }

    @Override
    public StateOutput operatorState() {
        operatorState = streamOfRecords(operatorState, OPERATOR_STATE, "The operator state");
        return operatorState;
    }

    /** A new stream whose pieces are records {@code tag} (length, bytes); {@code current} must not be one yet. */
    private StateOutput streamOfRecords(StateOutput current, byte tag, String what) {
        if (current != null) {
            throw new IllegalStateException(what + " was asked for twice");
        }
        return new StateOutput((bytes, length) -> {
            ByteBuffer file = file(5);
            file.put(tag);
            writePiece(file, bytes, length);
        });
    }

    /**
     * Bytes of positions and state written so far, for the checkpoint's reported size: counted as the streams take
     * them, so also those a stream still holds in its block (a small state is all in blocks until the file closes).
     */
    public long size() {
        long size = positionBytes;
        for (StateOutput stream : keyGroups) {
            size += stream == null ? 0 : stream.size();
        }
        size += allKeyGroups == null ? 0 : allKeyGroups.size();
        return size + (operatorState == null ? 0 : operatorState.size());
    }

    /** Writes what the streams still hold and the end; the file is complete (or, with nothing to hold, absent). */
    @Override
    public void close() throws IOException {
        try {
            for (StateOutput stream : keyGroups) {
                if (stream != null) {
                    stream.flush();
                }
            }
            if (allKeyGroups != null) {
                allKeyGroups.flush();
            }
            if (operatorState != null) {
                operatorState.flush();
            }
            if (channel == null && !positions.isEmpty()) {
                file(0);
            }
            if (channel != null) {
                buffer.put(END);
                drain();
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            if (channel != null) {
                SPARE_BUFFER.set(buffer);
                channel.close();
            }
        }
    }

    private void writePiece(ByteBuffer file, byte[] bytes, int length) throws IOException {
        file.putInt(length);
        put(bytes, length);
    }

    private void put(byte[] bytes) throws IOException {
        put(bytes, bytes.length);
    }

    private void put(byte[] bytes, int length) throws IOException {
        for (int at = 0; at < length; ) {
            if (!buffer.hasRemaining()) {
                drain();
            }
            int n = Math.min(length - at, buffer.remaining());
            buffer.put(bytes, at, n);
            at += n;
        }
    }

    /** The version byte and the positions (count, then name, length, bytes each). */
    private byte[] header() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeByte(FORMAT_VERSION);
        out.writeInt(positions.size());
        for (var entry : positions.entrySet()) {
            out.writeUTF(entry.getKey());
            out.writeInt(entry.getValue().length);
            out.write(entry.getValue());
        }
        return bytes.toByteArray();
    }

    /**
     * The file's buffer with room for {@code header} bytes, the file created and its header written on first use.
     * Bytes are gathered in a direct buffer so that they are copied once on their way to the file (a heap array is
     * copied into native memory by every write).
     */
    private ByteBuffer file(int header) throws IOException {
        if (channel == null) {
            Files.createDirectories(path.getParent());
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            buffer = SPARE_BUFFER.get();
            SPARE_BUFFER.remove();
            if (buffer == null) {
                buffer = ByteBuffer.allocateDirect(BUFFER);
            }
            buffer.clear();
            put(header());
        }
        if (buffer.remaining() < header) {
            drain();
        }
        return buffer;
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }
}
