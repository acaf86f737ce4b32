package io.weir.executor.connector.nexmark;

import static io.weir.executor.connector.nexmark.NexmarkFixture.BID_COLUMNS;
import static io.weir.executor.connector.nexmark.NexmarkFixture.BID_TYPES;
import static io.weir.executor.connector.nexmark.NexmarkFixture.bids;
import static io.weir.executor.connector.nexmark.NexmarkFixture.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.Sources;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class NexmarkOptionsTest {

    @Test
    void whenTableIsDeclaredAsInTheReferenceDdl_thenItIsABoundedBidTable() throws Exception {
        List<String> names = List.of("auction", "bidder", "price", "channel", "url", "date_time", "extra");
        List<DataType> types = List.of(DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.STRING,
                DataType.STRING, DataType.timestamp(3), DataType.STRING);

        ConnectorTable table = table(names, types, "nexmark.table", "bid", "events.num", "1000000");

        assertThat(table.isBounded()).isTrue();
        assertThat(table.createSource().isBounded()).isTrue();
        assertThat(Sources.readSubtask(table.createSource(), 0, 1, 1024, new MutableClock(0)).chunks.get(0).size())
                .isEqualTo(1024);
    }

    @Test
    void whenColumnsAreASubsetInAnotherOrder_thenTheyAreAccepted() throws Exception {
        List<DataType> types = List.of(DataType.timestamp(3), DataType.varchar(200), DataType.BIGINT);

        ConnectorTable table = table(List.of("DATE_TIME", "extra", "price"), types, "nexmark.table", "bid",
                "events.num", "100");

        List<List<Object>> rows = Sources.readAll(table.createSource(), types);
        assertThat(rows).hasSize(92);
        assertThat(rows.get(0).get(1)).isInstanceOf(String.class);
    }

    @Test
    void whenEventsNumIsNotSet_thenTheTableIsUnbounded() {
        ConnectorTable table = bids();

        assertThat(table.isBounded()).isFalse();
        assertThat(table.createSource().isBounded()).isFalse();
    }

    @Test
    void whenTimestampColumnIsDeclaredWithLocalTimeZone_thenItIsAccepted() {
        assertThat(table(List.of("date_time"), List.of(DataType.of(TypeKind.TIMESTAMP_LTZ)), "nexmark.table",
                "person").tableName()).isEqualTo("nx");
    }

    @Test
    void whenNexmarkTableIsMissingOrUnknown_thenErrorSaysWhichTablesExist() {
        assertThatThrownBy(() -> table(BID_COLUMNS, BID_TYPES))
                .isInstanceOf(WeirException.class)
                .hasMessage("Missing required option 'nexmark.table' for connector 'nexmark'")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.VALIDATION);
        assertThatThrownBy(() -> table(BID_COLUMNS, BID_TYPES, "nexmark.table", "bids"))
                .hasMessage("Option 'nexmark.table' must be one of bid, auction, person; got 'bids'");
    }

    @Test
    void whenColumnIsNotOneOfTheEntitys_thenErrorListsTheEntitysColumns() {
        assertThatThrownBy(() -> table(List.of("auction", "seller"), List.of(DataType.BIGINT, DataType.BIGINT),
                "nexmark.table", "bid"))
                .hasMessage("Column 'seller' of table 'nx' is not a column of nexmark table 'bid'. Its columns: "
                        + "auction, bidder, price, channel, url, date_time, extra");
    }

    @Test
    void whenColumnTypeDoesNotFit_thenErrorNamesDeclaredAndGeneratedTypes() {
        assertThatThrownBy(() -> table(List.of("price"), List.of(DataType.INTEGER), "nexmark.table", "bid"))
                .hasMessage("Column 'price' of table 'nx' is declared INT, but nexmark's 'price' is BIGINT");
        assertThatThrownBy(() -> table(List.of("date_time"), List.of(DataType.timestamp(6)), "nexmark.table", "bid"))
                .hasMessage("Column 'date_time' of table 'nx' is declared TIMESTAMP(6), but nexmark's 'date_time' is "
                        + "TIMESTAMP(3)");
        assertThatThrownBy(() -> table(List.of("url"), List.of(DataType.BIGINT), "nexmark.table", "bid"))
                .hasMessage("Column 'url' of table 'nx' is declared BIGINT, but nexmark's 'url' is STRING");
    }

    @Test
    void whenNumbersAreOutOfRange_thenErrorNamesTheOption() {
        assertThatThrownBy(() -> bids("events.num", "-1"))
                .hasMessage("Option 'events.num' must not be negative, got '-1'");
        assertThatThrownBy(() -> bids("rows-per-second", "0"))
                .hasMessage("Option 'rows-per-second' must be positive, got '0'");
        assertThatThrownBy(() -> bids("first-event.rate", "-5"))
                .hasMessage("Option 'first-event.rate' must be positive, got '-5'");
        assertThatThrownBy(() -> bids("bid.proportion", "0"))
                .hasMessage("Option 'bid.proportion' must be a whole number from 1 to 1000000, got '0'");
        assertThatThrownBy(() -> bids("seed", "x"))
                .hasMessage("Option 'seed' must be a number, got 'x'");
    }

    @Test
    void whenBaseTimeIsText_thenItMustBeATimestampOrEpochMillis() throws Exception {
        assertThatThrownBy(() -> bids("base-time", "yesterday"))
                .hasMessage("Option 'base-time' must be a timestamp such as '2015-07-15 00:00:00' or epoch "
                        + "milliseconds, got 'yesterday'");
        List<DataType> types = List.of(DataType.TIMESTAMP);
        List<List<Object>> fromText = Sources.readAll(table(List.of("date_time"), types, "nexmark.table", "person",
                "events.num", "1", "base-time", "2024-02-03 04:05:06").createSource(), types);
        List<List<Object>> fromMillis = Sources.readAll(table(List.of("date_time"), types, "nexmark.table", "person",
                "events.num", "1", "base-time", "1706933106000").createSource(), types);

        assertThat(fromText).isEqualTo(fromMillis);
        assertThat(fromText.get(0).get(0)).hasToString("2024-02-03T04:05:06");
    }

    @Test
    void whenOptionIsUnknown_thenErrorListsNexmarkOptions() {
        assertThatThrownBy(() -> bids("rate.shape", "sine"))
                .hasMessage("Unsupported option 'rate.shape' for connector 'nexmark'. Supported options: "
                        + "nexmark.table, auction.proportion, base-time, bid.proportion, delayed-events.max-delay, "
                        + "delayed-events.probability, events.num, first-event.rate, out-of-order.group-size, "
                        + "person.proportion, rows-per-second, seed");
    }
}
