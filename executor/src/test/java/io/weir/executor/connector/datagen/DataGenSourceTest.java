package io.weir.executor.connector.datagen;

import static io.weir.executor.connector.datagen.DataGenFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.testing.FakeOperatorContext;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.Sources;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class DataGenSourceTest {

    private static final String FAST = "1000000000";

    private static List<Object> column(List<List<Object>> rows, int index) {
        List<Object> values = new ArrayList<>();
        for (List<Object> row : rows) {
            values.add(row.get(index));
        }
        return values;
    }

    @Test
    void whenRowCountIsSplitAcrossThreeSubtasks_thenTheyProduceExactlyThatManyRows() throws Exception {
        List<DataType> types = List.of(DataType.BIGINT);
        SourceFactory source = table(List.of("v"), types, "number-of-rows", "1000", "rows-per-second", FAST)
                .createSource();

        int[] counts = new int[3];
        for (int s = 0; s < 3; s++) {
            counts[s] = Sources.readSubtask(source, s, 3, 64, new MutableClock(0)).rowCount();
        }
        assertThat(counts).containsExactly(334, 333, 333);
    }

    @Test
    void whenSequenceIsSplitAcrossSubtasks_thenValuesHaveNoGapAndNoOverlap() throws Exception {
        List<DataType> types = List.of(DataType.BIGINT, DataType.STRING, DataType.decimal(6, 2));
        SourceFactory source = table(List.of("id", "label", "amount"), types, "rows-per-second", FAST,
                "fields.id.kind", "sequence", "fields.id.start", "10", "fields.id.end", "109",
                "fields.label.kind", "sequence", "fields.label.start", "1", "fields.label.end", "1000",
                "fields.amount.kind", "sequence", "fields.amount.start", "-50", "fields.amount.end", "2000")
                .createSource();

        List<List<Object>> rows = Sources.readAll(source, types, 3, 7);

        assertThat(column(rows, 0)).containsExactlyElementsOf(LongStream.rangeClosed(10, 109).boxed().toList());
        assertThat(column(rows, 1)).containsExactlyElementsOf(
                LongStream.rangeClosed(1, 100).mapToObj(Long::toString).toList());
        assertThat(column(rows, 2)).containsExactlyElementsOf(
                LongStream.rangeClosed(-50, 49).mapToObj(v -> new BigDecimal(v).setScale(2)).toList());
    }

    @Test
    void whenRowCountIsSmallerThanTheSequence_thenTheSequenceStopsEarlyWithoutGaps() throws Exception {
        List<DataType> types = List.of(DataType.INTEGER);
        SourceFactory source = table(List.of("id"), types, "number-of-rows", "10", "rows-per-second", FAST,
                "fields.id.kind", "sequence", "fields.id.start", "1", "fields.id.end", "1000").createSource();

        assertThat(column(Sources.readAll(source, types, 4, 3), 0))
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
    }

    @Test
    void whenMinAndMaxAreSet_thenRandomValuesStayWithinThem() throws Exception {
        List<DataType> types = List.of(DataType.TINYINT, DataType.DOUBLE, DataType.decimal(5, 2), DataType.BIGINT);
        SourceFactory source = table(List.of("t", "d", "m", "b"), types, "number-of-rows", "5000",
                "rows-per-second", FAST, "fields.t.min", "-3", "fields.t.max", "3", "fields.d.min", "0.5",
                "fields.d.max", "0.75", "fields.m.min", "-1.5", "fields.m.max", "1.5",
                "fields.b.min", "9223372036854775806").createSource();

        List<List<Object>> rows = Sources.readAll(source, types, 2, 512);

        assertThat(rows).hasSize(5000);
        assertThat(column(rows, 0)).allSatisfy(v -> assertThat((Long) v).isBetween(-3L, 3L));
        assertThat(column(rows, 0)).contains(-3L, 3L);
        assertThat(column(rows, 1)).allSatisfy(v -> assertThat((Double) v).isBetween(0.5, 0.75));
        assertThat(column(rows, 2)).allSatisfy(v -> assertThat((BigDecimal) v)
                .isBetween(new BigDecimal("-1.50"), new BigDecimal("1.50")));
        assertThat(column(rows, 3)).allSatisfy(v -> assertThat((Long) v).isGreaterThanOrEqualTo(Long.MAX_VALUE - 1));
    }

    @Test
    void whenColumnsHaveEveryType_thenEachIsGeneratedSensibly() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z").toEpochMilli());
        List<DataType> types = List.of(DataType.BOOLEAN, DataType.SMALLINT, DataType.FLOAT, DataType.varchar(8),
                new DataType(TypeKind.CHAR, 4, -1, true), DataType.STRING, DataType.DATE, DataType.of(TypeKind.TIME),
                DataType.TIMESTAMP, DataType.of(TypeKind.TIMESTAMP_LTZ), DataType.of(TypeKind.INTERVAL_DAY_TIME),
                DataType.of(TypeKind.NULL));
        SourceFactory source = table(List.of("b", "s", "f", "v", "c", "str", "d", "t", "ts", "ltz", "iv", "n"), types,
                "number-of-rows", "200", "rows-per-second", FAST, "fields.str.length", "5",
                "fields.ts.max-past", "1 h").createSource();

        List<List<Object>> rows = Sources.readSubtask(source, 0, 1, 256, clock).rows(types);

        assertThat(rows).hasSize(200);
        assertThat(column(rows, 0)).contains(true, false);
        assertThat(column(rows, 2)).allSatisfy(v -> assertThat((Double) v).isBetween(0.0, (double) Float.MAX_VALUE));
        assertThat(column(rows, 3)).allSatisfy(v -> assertThat((String) v).hasSize(8));
        assertThat(column(rows, 4)).allSatisfy(v -> assertThat((String) v).hasSize(4));
        assertThat(column(rows, 5)).allSatisfy(v -> assertThat((String) v).matches("[0-9a-f]{5}"));
        assertThat(column(rows, 6)).containsOnly(LocalDate.of(2024, 5, 1));
        assertThat(column(rows, 7)).containsOnly(LocalTime.NOON);
        assertThat(column(rows, 8)).allSatisfy(v -> assertThat((LocalDateTime) v)
                .isBetween(LocalDateTime.of(2024, 5, 1, 11, 0), LocalDateTime.of(2024, 5, 1, 12, 0)));
        assertThat(column(rows, 9)).containsOnly(Instant.parse("2024-05-01T12:00:00Z"));
        assertThat(column(rows, 10)).allSatisfy(v -> assertThat((Long) v).isBetween(0L, 86_400_000L));
        assertThat(column(rows, 11)).containsOnlyNulls();
    }

    @Test
    void whenNullRateIsSet_thenAboutThatShareIsNull() throws Exception {
        List<DataType> types = List.of(DataType.BIGINT, DataType.BIGINT);
        SourceFactory source = table(List.of("a", "b"), types, "number-of-rows", "10000", "rows-per-second", FAST,
                "fields.a.null-rate", "0.3", "fields.b.null-rate", "1").createSource();

        List<List<Object>> rows = Sources.readAll(source, types);

        long nulls = column(rows, 0).stream().filter(v -> v == null).count();
        assertThat(nulls).isBetween(2500L, 3500L);
        assertThat(column(rows, 1)).containsOnlyNulls();
    }

    @Test
    void whenTableParallelismAndSubtaskAreTheSame_thenRandomValuesRepeat() throws Exception {
        List<DataType> types = List.of(DataType.BIGINT, DataType.STRING);
        SourceFactory source = table(List.of("a", "b"), types, "number-of-rows", "300", "rows-per-second", FAST)
                .createSource();

        List<List<Object>> first = Sources.readSubtask(source, 1, 2, 64, new MutableClock(0)).rows(types);
        List<List<Object>> again = Sources.readSubtask(source, 1, 2, 7, new MutableClock(0)).rows(types);
        List<List<Object>> otherSubtask = Sources.readSubtask(source, 0, 2, 64, new MutableClock(0)).rows(types);

        assertThat(again).isEqualTo(first);
        assertThat(otherSubtask).isNotEqualTo(first);
    }

    @Test
    void whenRateIsLimited_thenRowsFollowTheClock() throws Exception {
        List<DataType> types = List.of(DataType.BIGINT);
        SourceFactory source = table(List.of("a"), types, "rows-per-second", "100").createSource();
        MutableClock clock = new MutableClock(1_000);
        CollectingOutput out = new CollectingOutput();
        SourceReader reader = source.createReader(0, 2);
        try {
            reader.open(new FakeOperatorContext(0, 2, 1024, clock));

            // 100 rows/s shared by 2 subtasks: 50 rows/s here, the first 50 at once.
            assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
            assertThat(out.rowCount()).isEqualTo(50);
            assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);

            clock.advance(200);
            assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
            assertThat(out.rowCount()).isEqualTo(60);
            assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);

            clock.advance(10_000);
            while (reader.pollNext(out) == InputStatus.MORE_AVAILABLE) {
                // drain what the elapsed time allows
            }
            assertThat(out.rowCount()).isEqualTo(560);
        } finally {
            reader.close();
        }
    }

    @Test
    void whenRowCountIsZero_thenTheSourceEndsAtOnce() throws Exception {
        SourceFactory source = table(List.of("a"), List.of(DataType.BIGINT), "number-of-rows", "0").createSource();

        assertThat(Sources.readSubtask(source, 0, 1, 16, new MutableClock(0)).chunks).isEmpty();
    }
}
