package io.weir.server;

import io.weir.executor.checkpoint.CheckpointStorage;
import io.weir.executor.connector.filesystem.PathGuard;
import io.weir.executor.job.JobConfig;
import io.weir.planner.JobOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a continuous query's checkpoints and savepoints go, and what it restores from. Every directory a
 * statement names ({@code execution.checkpointing.dir}, {@code .savepoint-dir}, {@code execution.savepoint.path})
 * must lie under the data dir or an allowed root: SQL never reaches other files.
 */
final class JobSettings {

    private final Path dataDir;
    private final PathGuard guard;

    JobSettings(Path dataDir, List<Path> allowedRoots) {
        this.dataDir = dataDir;
        List<Path> roots = new ArrayList<>(allowedRoots);
        roots.add(dataDir);
        this.guard = new PathGuard(roots);
    }

    /** The job configuration of a new query: restored from {@code execution.savepoint.path} when set. */
    JobConfig forNewQuery(String queryId, Map<String, String> properties) {
        String savepoint = properties.get(JobOptions.SAVEPOINT_PATH);
        Path restore = savepoint == null || savepoint.isBlank() ? null : guard.resolve(savepoint);
        return JobOptions.from(guarded(properties), checkpointRoot(), queryId, restore);
    }

    /**
     * The job configuration of a query resumed after a server restart: from its latest complete checkpoint, else
     * from what it started from.
     */
    JobConfig forResumedQuery(String queryId, Map<String, String> properties) {
        JobConfig fresh = forNewQuery(queryId, properties);
        return CheckpointStorage.latestComplete(fresh.checkpoints().directory())
                .map(fresh::withRestoreFrom)
                .orElse(fresh);
    }

    /** A new directory for a savepoint of {@code queryId}. */
    Path newSavepointDirectory(String queryId, Map<String, String> properties, long nowMillis) {
        String dir = properties.get(JobOptions.SAVEPOINT_DIR);
        Path root = dir == null ? dataDir.resolve("savepoints") : guard.resolve(dir);
        return root.resolve(queryId).resolve("savepoint-" + nowMillis);
    }

    private Map<String, String> guarded(Map<String, String> properties) {
        String dir = properties.get(JobOptions.DIR);
        if (dir == null) {
            return properties;
        }
        Map<String, String> checked = new HashMap<>(properties);
        checked.put(JobOptions.DIR, guard.resolve(dir).toString());
        return checked;
    }

    private Path checkpointRoot() {
        return dataDir.resolve("checkpoints");
    }
}
