package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.OperatorTestHarness;
import io.weir.executor.testing.SnapshotHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowTableFunctionOperatorCheckpointTest {

    private static final List<DataType> INPUT = List.of(DataType.STRING, DataType.BIGINT);
    private static final List<DataType> OUTPUT = List.of(DataType.STRING, DataType.BIGINT, DataType.BIGINT,
            DataType.BIGINT, DataType.BIGINT);

    private static OperatorTestHarness open(int subtask, int parallelism, List<OperatorStateData> restoredFrom)
            throws Exception {
        OperatorTestHarness.Builder builder = OperatorTestHarness.forOperator(
                        new WindowTableFunctionOperator(WindowSpec.tumble(10, 0, TimeKind.EVENT), 1, true))
                .input(INPUT).output(OUTPUT).subtask(subtask, parallelism);
        if (restoredFrom != null) {
            builder.restoredFrom(SnapshotHarness.restore(restoredFrom, parallelism).get(subtask));
        }
        return builder.open();
    }

    @Test
    void whenRestoredFromSeveralSubtasks_thenRowsAtOrBelowTheLowestOldWatermarkAreLate() throws Exception {
        OperatorTestHarness a = open(0, 2, null);
        OperatorTestHarness b = open(1, 2, null);
        a.watermark(20);
        b.watermark(12);
        OperatorStateData stateA = SnapshotHarness.snapshotThenMutate(a.operator(), 1, () -> a.watermark(40));

        OperatorTestHarness restored = open(0, 1, List.of(stateA, b.snapshot(1)));
        restored.push(0, row("late", 12L), row("kept", 13L));

        assertThat(restored.finish()).extracting(r -> r.get(0)).containsExactly("kept");
        assertThat(restored.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(1);
    }
}
