package io.weir.executor.connector.filesystem;

import io.weir.executor.api.WeirException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the filesystem connector inside {@code filesystem.allowed-roots}.
 *
 * <p>A user path is made absolute against the working directory and normalized, then its <em>real</em> path is
 * compared with the real paths of the roots. Comparing real paths is what makes {@code ..} and symbolic links
 * unable to escape: a link inside a root that points outside resolves to its target, which is then outside.
 * For a path that does not exist yet (a sink directory), the deepest existing ancestor is resolved and the
 * missing names are appended, so the check still sees through links above it. Thread-safe.
 */
public final class PathGuard {

    private final List<Path> roots;

    public PathGuard(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    /** The real form of {@code userPath}, which need not exist; throws VALIDATION when it lies outside every root. */
    public Path resolve(String userPath) {
        Path absolute;
        try {
            absolute = Path.of(userPath).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw WeirException.validation("Invalid path '" + userPath + "': " + e.getReason());
        }
        Path real = realPath(absolute, userPath);
        check(real, userPath);
        return real;
    }

    /** Throws VALIDATION unless {@code realPath} (already real) lies under a root. */
    void check(Path realPath, String userPath) {
        for (Path root : realRoots()) {
            if (realPath.startsWith(root)) {
                return;
            }
        }
        String resolvedNote = realPath.toString().equals(userPath) ? "" : " (it resolves to '" + realPath + "')";
        throw WeirException.validation("Path '" + userPath + "'" + resolvedNote + " is outside the allowed roots "
                + roots + "; configure 'filesystem.allowed-roots' to allow it");
    }

    private static Path realPath(Path absolute, String userPath) {
        Deque<Path> missing = new ArrayDeque<>();
        Path existing = absolute;
        // NOFOLLOW: a dangling link counts as existing, so toRealPath below fails on it instead of the
        // link's name being appended as if it were a plain missing directory.
        while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            Path real = existing.toRealPath();
            while (!missing.isEmpty()) {
                real = real.resolve(missing.pop());
            }
            return real;
        } catch (IOException e) {
            throw WeirException.validation("Cannot resolve path '" + userPath + "': " + e.getMessage());
        }
    }

    private List<Path> realRoots() {
        List<Path> real = new ArrayList<>(roots.size());
        for (Path root : roots) {
            Path absolute = root.toAbsolutePath().normalize();
            try {
                real.add(absolute.toRealPath());
            } catch (IOException e) {
                // A root that does not exist holds nothing real yet; keep its plain form so a directory
                // created there later is still allowed.
                real.add(absolute);
            }
        }
        return real;
    }
}
