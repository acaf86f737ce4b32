package io.weir.executor.connector.filesystem;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A part file closed at the barrier of checkpoint {@code checkpointId}, still hidden under {@code inProgressName},
 * to be renamed to {@code finalName} once that checkpoint (or a later one) completes. Immutable; part of the
 * filesystem sink's state: checkpoint id, then the two names as modified UTF-8.
 */
record PendingPartFile(long checkpointId, String inProgressName, String finalName) {

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(checkpointId);
        out.writeUTF(inProgressName);
        out.writeUTF(finalName);
    }

    static PendingPartFile readFrom(DataInput in) throws IOException {
        return new PendingPartFile(in.readLong(), in.readUTF(), in.readUTF());
    }

    /**
     * Makes the file visible in {@code directory}. Idempotent: a file already renamed (before a failure) is left
     * as it is, so a restore may commit again what a completed checkpoint already committed.
     */
    void commit(Path directory) throws IOException {
        Path hidden = directory.resolve(inProgressName);
        if (Files.exists(hidden)) {
            Files.move(hidden, directory.resolve(finalName), StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
