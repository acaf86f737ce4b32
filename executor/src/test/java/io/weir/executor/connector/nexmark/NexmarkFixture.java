package io.weir.executor.connector.nexmark;

import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.data.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Nexmark tables for tests: every column of an entity unless told otherwise. */
final class NexmarkFixture {

    static final List<String> BID_COLUMNS = BidColumns.NAMES;
    static final List<DataType> BID_TYPES = BidColumns.TYPES;
    static final List<String> AUCTION_COLUMNS = AuctionColumns.NAMES;
    static final List<DataType> AUCTION_TYPES = AuctionColumns.TYPES;
    static final List<String> PERSON_COLUMNS = PersonColumns.NAMES;
    static final List<DataType> PERSON_TYPES = PersonColumns.TYPES;

    private NexmarkFixture() {
    }

    static TableSpec spec(List<String> names, List<DataType> types, String... options) {
        Map<String, String> map = new HashMap<>();
        map.put("connector", "nexmark");
        for (int i = 0; i < options.length; i += 2) {
            map.put(options[i], options[i + 1]);
        }
        return new TableSpec("nx", names, types, map,
                new ConnectorEnvironment(Path.of("data"), List.of(), new MutableClock(0), null));
    }

    static ConnectorTable table(List<String> names, List<DataType> types, String... options) {
        return new NexmarkConnectorFactory().create(spec(names, types, options));
    }

    static ConnectorTable bids(String... options) {
        return table(BID_COLUMNS, BID_TYPES, with("nexmark.table", "bid", options));
    }

    static ConnectorTable auctions(String... options) {
        return table(AUCTION_COLUMNS, AUCTION_TYPES, with("nexmark.table", "auction", options));
    }

    static ConnectorTable persons(String... options) {
        return table(PERSON_COLUMNS, PERSON_TYPES, with("nexmark.table", "person", options));
    }

    private static String[] with(String key, String value, String[] options) {
        List<String> all = new ArrayList<>(List.of(key, value));
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }

    /** The values of column {@code index} of every row. */
    static <T> List<T> column(List<List<Object>> rows, int index, Class<T> type) {
        List<T> values = new ArrayList<>();
        for (List<Object> row : rows) {
            values.add(type.cast(row.get(index)));
        }
        return values;
    }
}
