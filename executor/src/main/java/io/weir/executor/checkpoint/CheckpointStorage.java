package io.weir.executor.checkpoint;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The on-disk layout of checkpoints: {@code <dir>/chk-<n>/} holds one {@code v<vertex>-<subtask>.state} file per
 * subtask that has state and, once complete, {@code _metadata}. A directory without {@code _metadata} is an
 * unfinished checkpoint and is never restored from. Savepoints have the same layout under the directory the user
 * names. Every method is safe to call from any thread for different checkpoints.
 */
public final class CheckpointStorage {

    public static final String METADATA_FILE = "_metadata";
    private static final Pattern CHECKPOINT_DIR = Pattern.compile("chk-(\\d+)");

    private CheckpointStorage() {
    }

    /** The directory of checkpoint {@code checkpointId} of a job whose checkpoints go to {@code jobDirectory}. */
    public static Path checkpointDirectory(Path jobDirectory, long checkpointId) {
        return jobDirectory.resolve("chk-" + checkpointId);
    }

    /** The state subtask {@code subtask} of vertex {@code vertexId} wrote, or null when it wrote none. */
    public static SubtaskState readSubtaskState(Path checkpointDir, int vertexId, int subtask) throws IOException {
        try (InputStream file = Files.newInputStream(stateFile(checkpointDir, vertexId, subtask));
                DataInputStream in = new DataInputStream(new BufferedInputStream(file, 1 << 16))) {
            return SubtaskState.readFrom(in);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Completes a checkpoint: writes its metadata to a temporary file and renames it into place. */
    public static void writeMetadata(Path checkpointDir, CheckpointMetadata metadata) throws IOException {
        Files.createDirectories(checkpointDir);
        Path temp = checkpointDir.resolve(METADATA_FILE + ".tmp");
        try (OutputStream file = Files.newOutputStream(temp); DataOutputStream out = new DataOutputStream(file)) {
            metadata.writeTo(out);
        }
        try {
            Files.move(temp, checkpointDir.resolve(METADATA_FILE), StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, checkpointDir.resolve(METADATA_FILE), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The metadata of a complete checkpoint or savepoint directory; fails when it is not one. */
    public static CheckpointMetadata readMetadata(Path checkpointDir) throws IOException {
        try (InputStream file = Files.newInputStream(checkpointDir.resolve(METADATA_FILE));
                DataInputStream in = new DataInputStream(new BufferedInputStream(file))) {
            return CheckpointMetadata.readFrom(in);
        }
    }

    public static boolean isComplete(Path checkpointDir) {
        return Files.isRegularFile(checkpointDir.resolve(METADATA_FILE));
    }

    /** The newest complete checkpoint under a job's checkpoint directory, if any. */
    public static Optional<Path> latestComplete(Path jobDirectory) {
        return completeCheckpoints(jobDirectory).stream().reduce((first, second) -> second);
    }

    /** The complete checkpoints under a job's checkpoint directory, oldest first. */
    public static List<Path> completeCheckpoints(Path jobDirectory) {
        if (!Files.isDirectory(jobDirectory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(jobDirectory)) {
            return entries.filter(p -> checkpointId(p) >= 0 && isComplete(p))
                    .sorted(Comparator.comparingLong(CheckpointStorage::checkpointId))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The id in a {@code chk-<n>} directory's name, or -1 for any other name. */
    public static long checkpointId(Path directory) {
        Matcher m = CHECKPOINT_DIR.matcher(directory.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Deletes a checkpoint directory and everything in it; a missing one is not an error. */
    public static void delete(Path checkpointDir) throws IOException {
        if (!Files.exists(checkpointDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(checkpointDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    static Path stateFile(Path checkpointDir, int vertexId, int subtask) {
        return checkpointDir.resolve("v" + vertexId + "-" + subtask + ".state");
    }
}
