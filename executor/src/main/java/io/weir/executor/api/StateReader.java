package io.weir.executor.api;

import java.io.DataInput;
import java.util.List;

/**
 * An operator's state as a checkpoint holds it, seen by one subtask of the restored job (which may run at a
 * different parallelism than the one that wrote it).
 */
public interface StateReader {

    /** The state of one key group. */
    record KeyGroupState(int keyGroup, DataInput input) {
    }

    /** The key groups this subtask owns now ({@link KeyGroups#firstKeyGroup} to {@link KeyGroups#endKeyGroup}). */
    List<KeyGroupState> keyGroups();

    /**
     * The {@link StateWriter#allKeyGroups} streams of the old subtasks that owned some of this subtask's key groups,
     * in subtask order: read each whole, keep only the items whose key group this subtask {@link #ownsKeyGroup owns}.
     */
    List<DataInput> allKeyGroups();

    /** True when this subtask owns {@code keyGroup} now. */
    boolean ownsKeyGroup(int keyGroup);

    /** The non-keyed state of every subtask that wrote one, in subtask order. */
    List<DataInput> operatorStates();
}
