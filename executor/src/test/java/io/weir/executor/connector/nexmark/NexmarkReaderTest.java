package io.weir.executor.connector.nexmark;

import static io.weir.executor.connector.nexmark.NexmarkFixture.BID_TYPES;
import static io.weir.executor.connector.nexmark.NexmarkFixture.bids;
import static io.weir.executor.connector.nexmark.NexmarkFixture.column;
import static io.weir.executor.connector.nexmark.NexmarkFixture.persons;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.testing.FakeOperatorContext;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NexmarkReaderTest {

    private static final LocalDateTime BASE = LocalDateTime.of(2015, 7, 15, 0, 0);

    @Test
    void whenRowsPerSecondIsSet_thenEventsFollowTheClockAndEventTimeKeepsPace() throws Exception {
        SourceReader reader = bids("rows-per-second", "1000").createSource().createReader(0, 1);
        MutableClock clock = new MutableClock(5_000);
        CollectingOutput out = new CollectingOutput();
        reader.open(new FakeOperatorContext(0, 1, 4096, clock));

        // A first burst of one second's events (1000, so 920 bids), then nothing until the clock moves.
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.MORE_AVAILABLE);
        assertThat(out.rowCount()).isEqualTo(920);
        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);

        clock.advance(9_000);
        while (reader.pollNext(out) == InputStatus.MORE_AVAILABLE) {
            // drain what ten seconds allow
        }
        assertThat(out.rowCount()).isEqualTo(9200);
        // first-event.rate defaults to rows-per-second: ten seconds of events span ten seconds of event time.
        List<LocalDateTime> times = column(out.rows(BID_TYPES), 5, LocalDateTime.class);
        assertThat(times.get(times.size() - 1)).isEqualTo(BASE.plusNanos(9_999_000_000L));
        reader.close();
    }

    @Test
    void whenThrottledInParallel_thenEachSubtaskTakesItsShareOfTheRate() throws Exception {
        SourceFactory source = bids("rows-per-second", "3000").createSource();
        MutableClock clock = new MutableClock(0);
        SourceReader reader = source.createReader(1, 3);
        CollectingOutput out = new CollectingOutput();
        reader.open(new FakeOperatorContext(1, 3, 4096, clock));

        clock.advance(10_000);
        while (reader.pollNext(out) == InputStatus.MORE_AVAILABLE) {
            // drain
        }
        // 1000 events/s for this subtask: 11 seconds' worth with the first burst, 46 bids in every 50 events.
        assertThat(out.rowCount()).isEqualTo(11_000 / 50 * 46);
    }

    @Test
    void whenCancelled_thenTheReaderEmitsNothingMoreAndNeverEnds() throws Exception {
        SourceReader reader = bids("events.num", "1000").createSource().createReader(0, 1);
        FakeOperatorContext context = new FakeOperatorContext(0, 1, 100, new MutableClock(0));
        CollectingOutput out = new CollectingOutput();
        reader.open(context);
        reader.pollNext(out);

        context.cancel();

        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.NOTHING_AVAILABLE);
        assertThat(out.rowCount()).isEqualTo(100);
    }

    @Test
    void whenABoundedTableLeavesASubtaskNoRows_thenItHasNoSplitAndEndsAtOnce() throws Exception {
        SourceFactory source = persons("events.num", "60").createSource();
        SourceReader first = source.createReader(0, 3);
        SourceReader second = source.createReader(1, 3);
        SourceReader third = source.createReader(2, 3);
        first.open(new FakeOperatorContext(0, 3, 16));
        second.open(new FakeOperatorContext(1, 3, 16));
        third.open(new FakeOperatorContext(2, 3, 16));

        // Persons are events 0 and 50: cycles 0 and 1, dealt to subtasks 0 and 1.
        assertThat(first.splitCount()).isEqualTo(1);
        assertThat(second.splitCount()).isEqualTo(1);
        assertThat(third.splitCount()).isZero();
        assertThat(third.pollNext(new CollectingOutput())).isEqualTo(InputStatus.END_OF_INPUT);
    }

    @Test
    void whenTheLastRowIsEmitted_thenTheSamePollReportsTheEnd() throws Exception {
        SourceReader reader = bids("events.num", "100").createSource().createReader(0, 1);
        reader.open(new FakeOperatorContext(0, 1, 1024));
        CollectingOutput out = new CollectingOutput();

        assertThat(reader.pollNext(out)).isEqualTo(InputStatus.END_OF_INPUT);
        assertThat(out.rowCount()).isEqualTo(92);
    }
}
