package io.weir.executor.checkpoint;

import io.weir.executor.api.KeyGroups;
import io.weir.executor.api.StateReader;
import java.io.ByteArrayInputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What one subtask of a restored job sees of an operator's checkpointed state: the key groups it owns at its
 * new parallelism, whichever old subtask wrote them, and every old subtask's non-keyed state.
 */
public final class RestoredOperatorState implements StateReader {

    private final int firstKeyGroup;
    private final int endKeyGroup;
    private final List<KeyGroupState> keyGroups;
    private final List<DataInput> allKeyGroups;
    private final List<DataInput> operatorStates;

    private RestoredOperatorState(int firstKeyGroup, int endKeyGroup, List<KeyGroupState> keyGroups,
            List<DataInput> allKeyGroups, List<DataInput> operatorStates) {
        this.firstKeyGroup = firstKeyGroup;
        this.endKeyGroup = endKeyGroup;
        this.keyGroups = List.copyOf(keyGroups);
        this.allKeyGroups = List.copyOf(allKeyGroups);
        this.operatorStates = List.copyOf(operatorStates);
    }

    /**
     * The view of subtask {@code subtask} of {@code parallelism} over what the old subtasks wrote ({@code written},
     * in old subtask order; a null entry for a subtask that wrote nothing).
     */
    public static RestoredOperatorState forSubtask(List<OperatorStateData> written, int subtask, int parallelism) {
        int first = KeyGroups.firstKeyGroup(subtask, parallelism);
        int end = KeyGroups.endKeyGroup(subtask, parallelism);
        List<KeyGroupState> groups = new ArrayList<>();
        List<DataInput> allKeyGroups = new ArrayList<>();
        List<DataInput> operatorStates = new ArrayList<>();
        for (int old = 0; old < written.size(); old++) {
            OperatorStateData data = written.get(old);
            if (data == null) {
                continue;
            }
            byte[] all = data.allKeyGroupsBytes();
            if (all != null && KeyGroups.firstKeyGroup(old, written.size()) < end
                    && KeyGroups.endKeyGroup(old, written.size()) > first) {
                allKeyGroups.add(in(all));
            }
            data.keyGroupBytes().subMap(first, end)
                    .forEach((group, bytes) -> groups.add(new KeyGroupState(group, in(bytes))));
            byte[] operatorState = data.operatorStateBytes();
            if (operatorState != null) {
                operatorStates.add(in(operatorState));
            }
        }
        groups.sort((a, b) -> Integer.compare(a.keyGroup(), b.keyGroup()));
        return new RestoredOperatorState(first, end, groups, allKeyGroups, operatorStates);
    }

    @Override
    public List<KeyGroupState> keyGroups() {
        return keyGroups;
    }

    @Override
    public List<DataInput> allKeyGroups() {
        return allKeyGroups;
    }

    @Override
    public boolean ownsKeyGroup(int keyGroup) {
        return keyGroup >= firstKeyGroup && keyGroup < endKeyGroup;
    }

    @Override
    public List<DataInput> operatorStates() {
        return operatorStates;
    }

    private static DataInput in(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
