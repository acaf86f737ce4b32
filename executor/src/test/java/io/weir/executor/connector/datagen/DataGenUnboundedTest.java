package io.weir.executor.connector.datagen;

import static io.weir.executor.connector.datagen.DataGenFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.testing.FakeOperatorContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A datagen table without a row count or a sequence: rows forever, at a rate, with time taken from the clock. */
class DataGenUnboundedTest {

    private static final long START = Instant.parse("2024-05-01T12:00:00Z").toEpochMilli();
    private static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.TIMESTAMP,
            DataType.of(TypeKind.TIMESTAMP_LTZ));
    private static final List<String> NAMES = List.of("id", "ts", "ltz");

    private static LocalDateTime at(long millis) {
        return LocalDateTime.ofEpochSecond(millis / 1000, (int) (millis % 1000) * 1_000_000, ZoneOffset.UTC);
    }

    private static void drain(SourceReader reader, CollectingOutput out) throws Exception {
        InputStatus status;
        do {
            status = reader.pollNext(out);
            assertThat(status).isNotEqualTo(InputStatus.END_OF_INPUT);
        } while (status == InputStatus.MORE_AVAILABLE);
    }

    @Test
    void whenRowsPerSecondIsNotSet_thenTenThousandRowsASecondAreSharedBySubtasks() throws Exception {
        MutableClock clock = new MutableClock(START);
        SourceReader reader = table(NAMES, TYPES).createSource().createReader(1, 2);
        CollectingOutput out = new CollectingOutput();
        reader.open(new FakeOperatorContext(1, 2, 1024, clock));

        clock.advance(3_000);
        drain(reader, out);

        // 5000 rows/s for this subtask over 3 s, plus the first chunk's burst of 1024.
        assertThat(out.rowCount()).isEqualTo(15_000 + 1024);
        assertThat(reader.splitCount()).isEqualTo(1);
        assertThat(out.splits).containsOnly(0);
    }

    @Test
    void whenTheClockAdvances_thenTimestampsFollowIt() throws Exception {
        MutableClock clock = new MutableClock(START);
        SourceReader reader = table(NAMES, TYPES, "rows-per-second", "10").createSource().createReader(0, 1);
        reader.open(new FakeOperatorContext(0, 1, 1024, clock));

        for (int second = 0; second < 3; second++) {
            CollectingOutput out = new CollectingOutput();
            drain(reader, out);
            assertThat(out.rowCount()).isEqualTo(10);
            List<List<Object>> rows = out.rows(TYPES);
            long now = clock.millis();
            assertThat(rows).allSatisfy(row -> {
                assertThat(row.get(1)).isEqualTo(at(now));
                assertThat(row.get(2)).isEqualTo(Instant.ofEpochMilli(now));
            });
            clock.advance(1_000);
        }
    }

    @Test
    void whenMaxPastIsSet_thenTimestampsLieWithinThatDistanceBeforeTheClock() throws Exception {
        MutableClock clock = new MutableClock(START);
        SourceReader reader = table(NAMES, TYPES, "fields.ts.max-past", "5 s").createSource().createReader(0, 1);
        CollectingOutput out = new CollectingOutput();
        reader.open(new FakeOperatorContext(0, 1, 1024, clock));
        drain(reader, out);

        assertThat(out.rows(TYPES)).allSatisfy(row ->
                assertThat((LocalDateTime) row.get(1)).isBetween(at(START - 5_000), at(START)));
    }

    @Test
    void whenCancelled_thenTheReaderEmitsNothingMoreAndNeverEnds() throws Exception {
        MutableClock clock = new MutableClock(START);
        SourceReader reader = table(NAMES, TYPES).createSource().createReader(0, 1);
        FakeOperatorContext context = new FakeOperatorContext(0, 1, 100, clock);
        CollectingOutput out = new CollectingOutput();
        reader.open(context);
        reader.pollNext(out);

        context.cancel();
        clock.advance(60_000);

        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(out.rowCount()).isEqualTo(100);
    }

    @Test
    void whenABoundedTableLeavesASubtaskNoRows_thenItHasNoSplit() throws Exception {
        SourceReader reader = table(NAMES, TYPES, "number-of-rows", "1").createSource().createReader(1, 2);
        reader.open(new FakeOperatorContext(1, 2, 16));

        assertThat(reader.splitCount()).isZero();
        assertThat(reader.pollNext(new CollectingOutput())).isEqualTo(InputStatus.END_OF_INPUT);
    }
}
