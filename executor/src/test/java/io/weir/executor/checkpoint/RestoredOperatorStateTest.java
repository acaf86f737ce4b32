package io.weir.executor.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.StateReader;
import java.io.DataInput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoredOperatorStateTest {

    /** Old subtasks of parallelism 3, each writing its index to the stream of all its key groups. */
    private static List<OperatorStateData> threeOldSubtasks() throws IOException {
        List<OperatorStateData> written = new ArrayList<>();
        for (int old = 0; old < 3; old++) {
            OperatorStateData data = new OperatorStateData();
            data.allKeyGroups().writeByte(old);
            written.add(data);
        }
        return written;
    }

    private static List<Integer> oldSubtasksRead(StateReader reader) throws IOException {
        List<Integer> read = new ArrayList<>();
        for (DataInput in : reader.allKeyGroups()) {
            read.add((int) in.readByte());
        }
        return read;
    }

    @Test
    void whenRestoredAtAnotherParallelism_thenEachSubtaskReadsTheOldStreamsWhoseKeyGroupsOverlapItsOwn()
            throws IOException {
        List<OperatorStateData> written = threeOldSubtasks();

        // Old key groups: [0, 43), [43, 86), [86, 128). New at 2: [0, 64), [64, 128); at 1: all.
        assertThat(oldSubtasksRead(RestoredOperatorState.forSubtask(written, 0, 2))).containsExactly(0, 1);
        assertThat(oldSubtasksRead(RestoredOperatorState.forSubtask(written, 1, 2))).containsExactly(1, 2);
        assertThat(oldSubtasksRead(RestoredOperatorState.forSubtask(written, 0, 1))).containsExactly(0, 1, 2);
        assertThat(oldSubtasksRead(RestoredOperatorState.forSubtask(written, 2, 3))).containsExactly(2);
    }

    @Test
    void whenASubtaskIsRestored_thenItOwnsExactlyItsKeyGroups() {
        StateReader second = RestoredOperatorState.forSubtask(new ArrayList<>(), 1, 2);

        assertThat(second.ownsKeyGroup(63)).isFalse();
        assertThat(second.ownsKeyGroup(64)).isTrue();
        assertThat(second.ownsKeyGroup(127)).isTrue();
    }
}
