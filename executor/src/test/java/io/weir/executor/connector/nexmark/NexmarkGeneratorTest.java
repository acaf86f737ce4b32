package io.weir.executor.connector.nexmark;

import static io.weir.executor.connector.nexmark.NexmarkFixture.AUCTION_TYPES;
import static io.weir.executor.connector.nexmark.NexmarkFixture.BID_TYPES;
import static io.weir.executor.connector.nexmark.NexmarkFixture.PERSON_TYPES;
import static io.weir.executor.connector.nexmark.NexmarkFixture.auctions;
import static io.weir.executor.connector.nexmark.NexmarkFixture.bids;
import static io.weir.executor.connector.nexmark.NexmarkFixture.column;
import static io.weir.executor.connector.nexmark.NexmarkFixture.persons;
import static io.weir.executor.connector.nexmark.NexmarkFixture.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.SourceFactory;
import io.weir.executor.connector.CollectingOutput;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.Sources;
import io.weir.executor.data.DataType;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NexmarkGeneratorTest {

    private static final Comparator<List<Object>> BY_TEXT = Comparator.comparing(Object::toString);

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(BY_TEXT);
        return copy;
    }

    private static long count(List<Long> values, java.util.function.LongPredicate predicate) {
        return values.stream().filter(v -> predicate.test(v)).count();
    }

    @Test
    void whenParallelismIs1Or2Or3_thenTheUnionOfRowsIsTheSame() throws Exception {
        for (String entity : List.of("bid", "auction", "person")) {
            SourceFactory source = switch (entity) {
                case "bid" -> bids("events.num", "5003").createSource();
                case "auction" -> auctions("events.num", "5003").createSource();
                default -> persons("events.num", "5003").createSource();
            };
            List<DataType> types = switch (entity) {
                case "bid" -> BID_TYPES;
                case "auction" -> AUCTION_TYPES;
                default -> PERSON_TYPES;
            };
            List<List<Object>> one = sorted(Sources.readAll(source, types, 1, 1024));
            assertThat(sorted(Sources.readAll(source, types, 2, 100))).as(entity).isEqualTo(one);
            assertThat(sorted(Sources.readAll(source, types, 3, 7))).as(entity).isEqualTo(one);
        }
    }

    @Test
    void whenTheSameTableIsReadTwice_thenEveryRowRepeatsAndAnotherSeedChangesThem() throws Exception {
        List<List<Object>> first = Sources.readAll(bids("events.num", "2000").createSource(), BID_TYPES);
        List<List<Object>> again = Sources.readAll(bids("events.num", "2000").createSource(), BID_TYPES);
        List<List<Object>> otherSeed = Sources.readAll(bids("events.num", "2000", "seed", "7").createSource(),
                BID_TYPES);

        assertThat(again).isEqualTo(first);
        assertThat(column(otherSeed, 2, Long.class)).isNotEqualTo(column(first, 2, Long.class));
    }

    @Test
    void whenOnlySomeColumnsAreDeclared_thenTheyHoldTheSameValuesAsInTheFullTable() throws Exception {
        List<List<Object>> full = Sources.readAll(bids("events.num", "3000").createSource(), BID_TYPES);
        List<DataType> types = List.of(DataType.STRING, DataType.BIGINT);
        List<List<Object>> some = Sources.readAll(table(List.of("url", "price"), types, "nexmark.table", "bid",
                "events.num", "3000").createSource(), types);

        assertThat(column(some, 0, String.class)).isEqualTo(column(full, 4, String.class));
        assertThat(column(some, 1, Long.class)).isEqualTo(column(full, 2, Long.class));
    }

    @Test
    void whenThePlanReadsOnlySomeColumns_thenThoseHoldTheFullTablesValuesAndTheOthersAreNull() throws Exception {
        List<List<Object>> full = Sources.readAll(bids("events.num", "3000").createSource(), BID_TYPES);
        BitSet read = new BitSet();
        read.set(0);
        read.set(5);
        List<List<Object>> some = Sources.readAll(bids("events.num", "3000").createSource(read), BID_TYPES, 1, 100);

        assertThat(some).hasSameSizeAs(full);
        assertThat(column(some, 0, Long.class)).isEqualTo(column(full, 0, Long.class));
        assertThat(column(some, 5, Object.class)).isEqualTo(column(full, 5, Object.class));
        for (int unread : new int[] {1, 2, 3, 4, 6}) {
            assertThat(column(some, unread, Object.class)).as("column " + unread).containsOnlyNulls();
        }
    }

    @Test
    void whenProportionsAreDefault_thenPersonsAuctionsAndBidsSplit1To3To46() throws Exception {
        String[] options = {"events.num", "50000"};
        assertThat(Sources.readAll(persons(options).createSource(), PERSON_TYPES)).hasSize(1000);
        assertThat(Sources.readAll(auctions(options).createSource(), AUCTION_TYPES)).hasSize(3000);
        assertThat(Sources.readAll(bids(options).createSource(), BID_TYPES)).hasSize(46000);
    }

    @Test
    void whenProportionsAreSet_thenTheTablesFollowThem() throws Exception {
        String[] options = {"events.num", "1000", "person.proportion", "2", "auction.proportion", "3",
                "bid.proportion", "5"};
        assertThat(Sources.readAll(persons(options).createSource(), PERSON_TYPES)).hasSize(200);
        assertThat(Sources.readAll(auctions(options).createSource(), AUCTION_TYPES)).hasSize(300);
        assertThat(Sources.readAll(bids(options).createSource(), BID_TYPES)).hasSize(500);
    }

    @Test
    void whenPersonsAndAuctionsAreGenerated_thenTheirIdsCountUpFrom1000() throws Exception {
        List<List<Object>> people = Sources.readAll(persons("events.num", "10000").createSource(), PERSON_TYPES, 3, 16);
        List<List<Object>> auctionRows = Sources.readAll(auctions("events.num", "10000").createSource(),
                AUCTION_TYPES, 2, 16);

        assertThat(column(people, 0, Long.class)).containsExactlyInAnyOrderElementsOf(
                LongStream.range(1000, 1200).boxed().toList());
        assertThat(column(auctionRows, 0, Long.class)).containsExactlyInAnyOrderElementsOf(
                LongStream.range(1000, 1600).boxed().toList());
    }

    @Test
    void whenBidsAreGenerated_thenHotAuctionsAndHotBiddersHaveTheirShare() throws Exception {
        List<List<Object>> rows = Sources.readAll(bids("events.num", "200000").createSource(), BID_TYPES);
        List<Long> auctionIds = column(rows, 0, Long.class);
        List<Long> bidders = column(rows, 1, Long.class);

        // Half the bids go to the hot auction (id a multiple of 100), 3 in 4 come from the hot bidder (100k + 1);
        // random picks land there too, about 1 time in 100.
        assertThat(count(auctionIds, a -> (a - 1000) % 100 == 0) / (double) rows.size()).isBetween(0.48, 0.53);
        assertThat(count(bidders, b -> (b - 1000) % 100 == 1) / (double) rows.size()).isBetween(0.73, 0.78);
        // Bidders are people that exist or are about to (the lead of 10), counted from 1000 once.
        assertThat(bidders).allSatisfy(b -> assertThat(b).isBetween(1000L, 1000L + 200_000 / 50 + 10));
        assertThat(auctionIds).allSatisfy(a -> assertThat(a).isBetween(1000L, 1000L + 3 * 200_000 / 50 + 10));
    }

    @Test
    void whenBidIsForARandomAuction_thenItIsOneOfTheLast100OrNext10() throws Exception {
        // Bid n of cycle c follows auctions up to base-0 id 3c + 2.
        List<List<Object>> rows = Sources.readAll(bids("events.num", "100000").createSource(), BID_TYPES);
        List<Long> auctionIds = column(rows, 0, Long.class);
        for (int i = 0; i < rows.size(); i++) {
            long cycle = i / 46;
            long last = 3 * cycle + 2 + 1000;
            assertThat(auctionIds.get(i)).isBetween(Math.max(last - 100, 1000), last + 10);
        }
    }

    @Test
    void whenAuctionsAreGenerated_thenSellersAreMostlyHotAndFieldsAreInRange() throws Exception {
        List<List<Object>> rows = Sources.readAll(auctions("events.num", "500000").createSource(), AUCTION_TYPES);
        List<Long> sellers = column(rows, 7, Long.class);

        assertThat(count(sellers, s -> (s - 1000) % 100 == 0) / (double) rows.size()).isBetween(0.72, 0.78);
        assertThat(column(rows, 8, Long.class)).containsOnly(10L, 11L, 12L, 13L, 14L);
        for (List<Object> row : rows) {
            assertThat((Long) row.get(4)).isGreaterThanOrEqualTo((Long) row.get(3));
            assertThat((LocalDateTime) row.get(6)).isAfter((LocalDateTime) row.get(5));
            assertThat(((String) row.get(1)).length()).isBetween(1, 19);
            assertThat(((String) row.get(2)).length()).isBetween(1, 99);
        }
    }

    @Test
    void whenPricesAreGenerated_thenTheyAreLogUniformFrom100To100Million() throws Exception {
        List<Long> prices = column(Sources.readAll(bids("events.num", "200000").createSource(), BID_TYPES), 2,
                Long.class);

        assertThat(prices).allSatisfy(p -> assertThat(p).isBetween(100L, 100_000_000L));
        for (long decade = 100; decade < 100_000_000L; decade *= 10) {
            long low = decade;
            double share = count(prices, p -> p >= low && p < low * 10) / (double) prices.size();
            assertThat(share).as("prices from %d", low).isBetween(1 / 6.0 - 0.01, 1 / 6.0 + 0.01);
        }
    }

    @Test
    void whenFirstEventRateAndBaseTimeAreSet_thenEventNHappensAtBasePlusNOverRate() throws Exception {
        List<List<Object>> rows = Sources.readAll(auctions("events.num", "1000", "first-event.rate", "500",
                "base-time", "2020-01-01 00:00:00").createSource(), AUCTION_TYPES);

        // Auction a (base 0) is event 50 * (a / 3) + 1 + a % 3; at 500 events/s an event takes 2 ms.
        for (List<Object> row : rows) {
            long a = (Long) row.get(0) - 1000;
            long eventId = 50 * (a / 3) + 1 + a % 3;
            assertThat(row.get(5)).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0).plusNanos(eventId * 2_000_000));
        }
    }

    @Test
    void whenReadInParallel_thenTimestampsNeverGoBackWithinASplit() throws Exception {
        SourceFactory source = bids("events.num", "40000", "first-event.rate", "1000").createSource();
        for (int subtask = 0; subtask < 3; subtask++) {
            CollectingOutput out = Sources.readSubtask(source, subtask, 3, 50, new MutableClock(0));
            List<LocalDateTime> times = column(out.rows(BID_TYPES), 5, LocalDateTime.class);

            assertThat(out.splits).containsOnly(0);
            assertThat(times).isSortedAccordingTo(Comparator.naturalOrder());
            // Subtasks take turns by cycles of 50 events, so each covers the whole stretch of event time.
            assertThat(times.get(times.size() - 1)).isAfter(LocalDateTime.of(2015, 7, 15, 0, 0, 39));
        }
    }

    @Test
    void whenPersonsAreGenerated_thenTheirFieldsLookLikeNexmarks() throws Exception {
        List<List<Object>> rows = Sources.readAll(persons("events.num", "100000").createSource(), PERSON_TYPES);
        Set<String> states = new HashSet<>(column(rows, 5, String.class));

        assertThat(states).isEqualTo(Set.of("AZ", "CA", "ID", "OR", "WA", "WY"));
        assertThat(column(rows, 1, String.class)).allSatisfy(name -> assertThat(name).matches("[A-Z][a-z]+ [A-Z][a-z]+"));
        // Words are trimmed, so a word of spaces only is empty: rare, and the reference does the same.
        assertThat(column(rows, 2, String.class)).allSatisfy(email ->
                assertThat(email).matches("([a-z]([a-z ]*[a-z])?)?@([a-z]([a-z ]*[a-z])?)?\\.com"));
        assertThat(column(rows, 3, String.class)).allSatisfy(card ->
                assertThat(card).matches("\\d{4} \\d{4} \\d{4} \\d{4}"));
        double extra = column(rows, 7, String.class).stream().mapToInt(String::length).average().orElseThrow();
        assertThat(extra).isBetween(120.0, 170.0);
    }

    @Test
    void whenBidsAreGenerated_thenChannelsUrlsAndExtrasFollowTheSpec() throws Exception {
        List<List<Object>> rows = Sources.readAll(bids("events.num", "100000").createSource(), BID_TYPES);
        List<String> channels = column(rows, 3, String.class);
        List<String> urls = column(rows, 4, String.class);

        long hot = channels.stream().filter(c -> Set.of("Google", "Facebook", "Baidu", "Apple").contains(c)).count();
        assertThat(hot / (double) rows.size()).isBetween(0.48, 0.52);
        assertThat(channels).allSatisfy(c -> assertThat(c).matches("Google|Facebook|Baidu|Apple|channel-\\d{1,4}"));
        assertThat(urls).allSatisfy(u -> assertThat(u).matches(
                "https://www\\.nexmark\\.com/[a-z_]{3,4}/[a-z_]{3,4}/[a-z_]{3,4}/item\\.htm\\?query=1(&channel_id=\\d+)?"));
        Map<String, String> urlOfChannel = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            // A channel always has the same URL.
            String url = urls.get(i);
            assertThat(urlOfChannel.computeIfAbsent(channels.get(i), c -> url)).isEqualTo(url);
        }
        double extra = column(rows, 6, String.class).stream().mapToInt(String::length).average().orElseThrow();
        assertThat(extra).isBetween(66.5, 68.5);
        assertThat(column(rows, 6, String.class)).allSatisfy(e -> assertThat(e).matches("[a-z]{54,81}"));
    }
}
