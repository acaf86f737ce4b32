package io.weir.executor.operators;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.data.DataType;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LimitOperatorCheckpointTest {

    private static final List<DataType> TYPES = List.of(DataType.BIGINT);

    private static List<List<Object>> numbers(long from, long to) {
        List<List<Object>> rows = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            rows.add(row(i));
        }
        return rows;
    }

    private static OperatorTestHarness open(OperatorStateData restoredFrom) throws Exception {
        OperatorTestHarness.Builder builder = OperatorTestHarness.forOperator(new LimitOperator(2, 5))
                .input(TYPES).output(TYPES);
        if (restoredFrom != null) {
            builder.restoredFrom(SnapshotHarness.restore(List.of(restoredFrom), 1).get(0));
        }
        return builder.open();
    }

    @Test
    void whenRestoredMidStream_thenTheRowsBeforeAndAfterEqualAnUninterruptedRun() throws Exception {
        OperatorTestHarness before = open(null);
        before.pushRows(0, numbers(1, 4));
        OperatorStateData state = SnapshotHarness.snapshotThenMutate(before.operator(), 1,
                () -> before.pushRows(0, numbers(5, 6)));

        OperatorTestHarness after = open(state);
        after.pushRows(0, numbers(5, 20));

        List<List<Object>> rows = new ArrayList<>(before.rows().subList(0, 2));
        rows.addAll(after.finish());
        assertThat(rows).containsExactlyElementsOf(numbers(3, 7));
        assertThat(after.operator().isFinished()).isTrue();
    }

    @Test
    void whenSnapshotTakenInsideTheOffset_thenTheRestoredRunStillSkipsTheRest() throws Exception {
        OperatorTestHarness before = open(null);
        before.pushRows(0, numbers(1, 1));
        OperatorStateData state = SnapshotHarness.write(before.operator().snapshotState(1));

        OperatorTestHarness after = open(state);
        after.pushRows(0, numbers(2, 10));

        assertThat(after.finish()).containsExactlyElementsOf(numbers(3, 7));
    }

    @Test
    void whenRestoredAfterTheFetchPassed_thenTheOperatorIsFinishedAtOnce() throws Exception {
        OperatorTestHarness before = open(null);
        before.pushRows(0, numbers(1, 9));
        OperatorTestHarness after = open(before.snapshot(1));

        assertThat(after.operator().isFinished()).isTrue();
        after.pushRows(0, numbers(10, 12));
        assertThat(after.finish()).isEmpty();
    }
}
