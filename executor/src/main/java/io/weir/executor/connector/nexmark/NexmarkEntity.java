package io.weir.executor.connector.nexmark;

import io.weir.executor.data.DataType;
import java.util.List;

/** The three Nexmark tables ({@code 'nexmark.table'}), their columns and where their events sit in a cycle. */
enum NexmarkEntity {
    PERSON("person", PersonColumns.NAMES, PersonColumns.TYPES),
    AUCTION("auction", AuctionColumns.NAMES, AuctionColumns.TYPES),
    BID("bid", BidColumns.NAMES, BidColumns.TYPES);

    private final String tableName;
    private final List<String> columnNames;
    private final List<DataType> columnTypes;

    NexmarkEntity(String tableName, List<String> columnNames, List<DataType> columnTypes) {
        this.tableName = tableName;
        this.columnNames = columnNames;
        this.columnTypes = columnTypes;
    }

    /** The value of {@code 'nexmark.table'} that selects this entity. */
    String tableName() {
        return tableName;
    }

    List<String> columnNames() {
        return columnNames;
    }

    List<DataType> columnTypes() {
        return columnTypes;
    }

    /** The first position of this entity's events within a cycle of {@code model.totalProportion} events. */
    int firstSlot(EventModel model) {
        return switch (this) {
            case PERSON -> 0;
            case AUCTION -> model.personProportion;
            case BID -> model.personProportion + model.auctionProportion;
        };
    }

    /** How many events of each cycle are of this entity. */
    int slotCount(EventModel model) {
        return switch (this) {
            case PERSON -> model.personProportion;
            case AUCTION -> model.auctionProportion;
            case BID -> model.totalProportion - model.personProportion - model.auctionProportion;
        };
    }

    EntityColumns columns(EventModel model, long seed) {
        TextPool text = new TextPool(new EventRandom(seed));
        EventRandom random = new EventRandom(seed);
        return switch (this) {
            case PERSON -> new PersonColumns(model, random, text);
            case AUCTION -> new AuctionColumns(model, random, text);
            case BID -> new BidColumns(model, random, text, new Channels(new EventRandom(seed)));
        };
    }
}
