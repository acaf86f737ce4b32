package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.OperatorTestHarness;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingSortOperatorCheckpointTest {

    /** rowtime, key, payload. */
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING, DataType.BIGINT);

    private static OperatorTestHarness open(long fetch, OperatorStateData restoredFrom) throws Exception {
        OperatorTestHarness.Builder builder = OperatorTestHarness.forOperator(new StreamingSortOperator(0,
                new int[] {1}, new boolean[] {false}, new boolean[] {false}, fetch, TYPES)).input(TYPES).output(TYPES);
        if (restoredFrom != null) {
            builder.restoredFrom(SnapshotHarness.restore(List.of(restoredFrom), 1).get(0));
        }
        return builder.open();
    }

    /** Rows with rowtimes shuffled within 20 ms of their position, and a watermark every 10 rows. */
    private static void feed(OperatorTestHarness h, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            Random random = new Random(i);
            long time = i + random.nextInt(20);
            h.push(0, row(time, random.nextBoolean() ? null : "k" + random.nextInt(3), (long) i));
            if (i % 10 == 9) {
                h.watermark(i - 20);
            }
        }
    }

    private static List<List<Object>> uninterrupted(long fetch) throws Exception {
        OperatorTestHarness h = open(fetch, null);
        feed(h, 0, 200);
        return h.finish();
    }

    private static List<List<Object>> restoredAt(int split, long fetch) throws Exception {
        OperatorTestHarness before = open(fetch, null);
        feed(before, 0, split);
        List<List<Object>> rows = new ArrayList<>(before.rows());
        OperatorStateData state = SnapshotHarness.snapshotThenMutate(before.operator(), 1,
                () -> feed(before, split, split + 30));

        OperatorTestHarness after = open(fetch, state);
        feed(after, split, 200);
        rows.addAll(after.finish());
        return rows;
    }

    @Test
    void whenRestoredMidStream_thenTheOutputEqualsAnUninterruptedRun() throws Exception {
        List<List<Object>> expected = uninterrupted(-1);
        assertThat(expected).hasSizeGreaterThan(100);
        for (int split : new int[] {0, 35, 100, 199}) {
            assertThat(restoredAt(split, -1)).as("snapshot after %d rows", split).isEqualTo(expected);
        }
    }

    @Test
    void whenRestoredWithAFetch_thenRowsEmittedBeforeTheFailureCountTowardsIt() throws Exception {
        List<List<Object>> expected = uninterrupted(50);
        assertThat(expected).hasSize(50);
        assertThat(restoredAt(60, 50)).isEqualTo(expected);
        assertThat(restoredAt(150, 50)).isEqualTo(expected);
    }

    @Test
    void whenRestored_thenRowsAtOrBelowTheOldWatermarkAreLate() throws Exception {
        OperatorTestHarness before = open(-1, null);
        before.push(0, row(15L, "a", 1L)).watermark(10);

        OperatorTestHarness after = open(-1, before.snapshot(1));
        after.push(0, row(10L, "late", 2L), row(11L, "b", 3L));

        assertThat(after.finish()).containsExactly(row(11L, "b", 3L), row(15L, "a", 1L));
        assertThat(after.context().counterValue(WindowMetrics.LATE_RECORDS_DROPPED)).isEqualTo(1);
    }
}
