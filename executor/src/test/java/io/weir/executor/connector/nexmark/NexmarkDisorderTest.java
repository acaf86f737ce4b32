package io.weir.executor.connector.nexmark;

import static io.weir.executor.connector.nexmark.NexmarkFixture.AUCTION_TYPES;
import static io.weir.executor.connector.nexmark.NexmarkFixture.BID_TYPES;
import static io.weir.executor.connector.nexmark.NexmarkFixture.auctions;
import static io.weir.executor.connector.nexmark.NexmarkFixture.bids;
import static io.weir.executor.connector.nexmark.NexmarkFixture.column;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.SourceFactory;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.Sources;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code out-of-order.group-size} and {@code delayed-events.*}: disorder in event time, every row still once. */
class NexmarkDisorderTest {

    private static final int DATE_TIME = 5;

    /** The rows as text, sorted: equal lists are equal multisets of rows. */
    private static List<String> sorted(List<List<Object>> rows) {
        List<String> texts = new ArrayList<>(rows.size());
        rows.forEach(row -> texts.add(row.toString()));
        texts.sort(null);
        return texts;
    }

    private static long millis(Object timestamp) {
        return ((LocalDateTime) timestamp).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
    }

    /** The most event time goes back within {@code times}: the largest gap below the maximum seen before. */
    private static long largestStepBack(List<LocalDateTime> times) {
        long max = millis(times.get(0));
        long largest = 0;
        for (LocalDateTime time : times) {
            long t = millis(time);
            largest = Math.max(largest, max - t);
            max = Math.max(max, t);
        }
        return largest;
    }

    @Test
    void whenShuffledInGroups_thenEveryRowAppearsOnceWithTheSameValuesAtAnyParallelism() throws Exception {
        List<String> inOrder = sorted(Sources.readAll(bids("events.num", "20011").createSource(), BID_TYPES));
        SourceFactory shuffled = bids("events.num", "20011", "out-of-order.group-size", "777").createSource();

        assertThat(sorted(Sources.readAll(shuffled, BID_TYPES, 1, 1024))).isEqualTo(inOrder);
        assertThat(sorted(Sources.readAll(shuffled, BID_TYPES, 2, 100))).isEqualTo(inOrder);
        assertThat(sorted(Sources.readAll(shuffled, BID_TYPES, 3, 7))).isEqualTo(inOrder);
    }

    @Test
    void whenShuffledInGroups_thenEventTimeGoesBackWithinASplitButLessThanAGroupsSpan() throws Exception {
        // 1000 events per second: event n happens at n ms, so a group of 500 events spans less than 500 ms.
        SourceFactory source = bids("events.num", "30000", "first-event.rate", "1000",
                "out-of-order.group-size", "500").createSource();
        for (int parallelism = 1; parallelism <= 3; parallelism++) {
            for (int subtask = 0; subtask < parallelism; subtask++) {
                List<LocalDateTime> times = column(Sources.readSubtask(source, subtask, parallelism, 64,
                        new MutableClock(0)).rows(BID_TYPES), DATE_TIME, LocalDateTime.class);

                assertThat(largestStepBack(times)).as("subtask %d of %d", subtask, parallelism).isBetween(100L, 499L);
                // Groups come in order: nothing is late by more than a group.
                assertThat(times.get(times.size() - 1)).isAfter(LocalDateTime.of(2015, 7, 15, 0, 0, 29));
            }
        }
    }

    @Test
    void whenTheSameShuffledTableIsReadTwice_thenTheOrderRepeats() throws Exception {
        SourceFactory source = bids("events.num", "5000", "out-of-order.group-size", "100").createSource();

        List<List<Object>> first = Sources.readAll(source, BID_TYPES, 2, 50);
        List<List<Object>> again = Sources.readAll(source, BID_TYPES, 2, 333);

        assertThat(again).isEqualTo(first);
        assertThat(first).isNotEqualTo(Sources.readAll(bids("events.num", "5000").createSource(), BID_TYPES, 2, 50));
    }

    @Test
    void whenEventsAreDelayed_thenThatShareIsSetBackByUpToTheMaxDelayAndNothingElseChanges() throws Exception {
        List<List<Object>> onTime = Sources.readAll(bids("events.num", "100000").createSource(), BID_TYPES);
        List<List<Object>> delayed = Sources.readAll(bids("events.num", "100000",
                "delayed-events.probability", "0.1", "delayed-events.max-delay", "30 s").createSource(), BID_TYPES);

        assertThat(delayed).hasSameSizeAs(onTime);
        int setBack = 0;
        long largest = 0;
        for (int i = 0; i < onTime.size(); i++) {
            long delay = millis(onTime.get(i).get(DATE_TIME)) - millis(delayed.get(i).get(DATE_TIME));
            assertThat(delay).isBetween(0L, 30_000L);
            if (delay > 0) {
                setBack++;
                largest = Math.max(largest, delay);
            }
            List<Object> others = new ArrayList<>(delayed.get(i));
            others.set(DATE_TIME, onTime.get(i).get(DATE_TIME));
            assertThat(others).isEqualTo(onTime.get(i));
        }
        // 92 000 bids, a tenth of them delayed: 9200 give or take a few hundred; delays reach up to 30 s.
        assertThat(setBack).isBetween(8700, 9700);
        assertThat(largest).isGreaterThan(29_000L);
    }

    @Test
    void whenAuctionsAreDelayed_thenTheyExpireAsLongAfterTheirTimeAsBefore() throws Exception {
        List<List<Object>> onTime = Sources.readAll(auctions("events.num", "20000").createSource(), AUCTION_TYPES);
        List<List<Object>> delayed = Sources.readAll(auctions("events.num", "20000",
                "delayed-events.probability", "0.5", "delayed-events.max-delay", "1 min").createSource(),
                AUCTION_TYPES);

        for (int i = 0; i < onTime.size(); i++) {
            Duration life = Duration.between((LocalDateTime) onTime.get(i).get(5), (LocalDateTime) onTime.get(i).get(6));
            assertThat(Duration.between((LocalDateTime) delayed.get(i).get(5), (LocalDateTime) delayed.get(i).get(6)))
                    .isEqualTo(life);
        }
        assertThat(column(delayed, 5, LocalDateTime.class)).isNotEqualTo(column(onTime, 5, LocalDateTime.class));
    }

    @Test
    void whenEventsAreDelayedAndShuffled_thenEventNIsTheSameAtEveryParallelism() throws Exception {
        SourceFactory source = bids("events.num", "20000", "out-of-order.group-size", "300",
                "delayed-events.probability", "0.05", "delayed-events.max-delay", "10 s").createSource();

        List<String> one = sorted(Sources.readAll(source, BID_TYPES, 1, 1024));

        assertThat(sorted(Sources.readAll(source, BID_TYPES, 2, 128))).isEqualTo(one);
        assertThat(sorted(Sources.readAll(source, BID_TYPES, 3, 10))).isEqualTo(one);
    }

    @Test
    void whenDisorderOptionsAreOutOfRange_thenErrorsNameThem() {
        assertThatThrownBy(() -> bids("out-of-order.group-size", "0"))
                .hasMessage("Option 'out-of-order.group-size' must be a whole number from 1 to 1000000, got '0'");
        assertThatThrownBy(() -> bids("delayed-events.probability", "1.5", "delayed-events.max-delay", "1 s"))
                .hasMessage("Option 'delayed-events.probability' must be a number from 0 to 1, got '1.5'");
        assertThatThrownBy(() -> bids("delayed-events.probability", "0.1"))
                .hasMessage("Option 'delayed-events.max-delay' must be a positive duration such as '30 s' when "
                        + "'delayed-events.probability' is above 0, got nothing");
        assertThatThrownBy(() -> bids("delayed-events.probability", "0.1", "delayed-events.max-delay", "soon"))
                .hasMessageStartingWith("Option 'delayed-events.max-delay' must be a duration");
    }
}
