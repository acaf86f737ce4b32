package io.weir.executor.connector.nexmark;

import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.util.List;

/**
 * The columns of an auction: {@code id, item_name, description, initial_bid, reserve, date_time, expires, seller,
 * category, extra}.
 */
final class AuctionColumns extends EntityColumns {

    static final List<String> NAMES = List.of("id", "item_name", "description", "initial_bid", "reserve", "date_time",
            "expires", "seller", "category", "extra");
    static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING, DataType.STRING, DataType.BIGINT,
            DataType.BIGINT, DataType.TIMESTAMP, DataType.TIMESTAMP, DataType.BIGINT, DataType.BIGINT,
            DataType.STRING);

    private static final int ID = 0;
    private static final int ITEM_NAME = 1;
    private static final int DESCRIPTION = 2;
    private static final int INITIAL_BID = 3;
    private static final int RESERVE = 4;
    private static final int DATE_TIME = 5;
    private static final int EXPIRES = 6;
    private static final int SELLER = 7;
    private static final int CATEGORY = 8;
    private static final int EXTRA = 9;

    /** Item names have 3 to 19 characters, descriptions 3 to 99 (before trimming spaces). */
    private static final int ITEM_NAME_MAX = 20;
    private static final int DESCRIPTION_MAX = 100;
    private static final int MIN_TEXT = 3;
    /** The id, four more longs and the two strings, as the reference counts an auction's size. */
    private static final int LONGS_SIZE = 8 + 8 * 5;
    private static final int AVERAGE_SIZE = 500;

    AuctionColumns(EventModel model, EventRandom random, TextPool text) {
        super(model, random, text);
    }

    @Override
    void fill(int column, EventBatch events, Vector out) {
        switch (column) {
            case ID, INITIAL_BID, RESERVE, EXPIRES, SELLER, CATEGORY ->
                    fillLongs(column, events, ((LongVector) out).values());
            case ITEM_NAME, DESCRIPTION -> {
                String[] values = ((StringVector) out).values();
                int max = column == ITEM_NAME ? ITEM_NAME_MAX : DESCRIPTION_MAX;
                for (int i = 0; i < events.size; i++) {
                    random.reset(events.ids[i], column);
                    long bits = random.nextLong();
                    values[i] = text.words(TextPool.window(bits), textLength(bits, max));
                }
            }
            case DATE_TIME -> fillTimestamps(events, out);
            case EXTRA -> fillExtra(events, out, EXTRA, this::sizeWithoutExtra, AVERAGE_SIZE);
            default -> throw new IllegalArgumentException("No auction column " + column);
        }
    }

    private void fillLongs(int column, EventBatch events, long[] values) {
        for (int i = 0; i < events.size; i++) {
            long id = events.ids[i];
            long cycle = events.cycles[i];
            values[i] = switch (column) {
                case ID -> model.lastBase0AuctionId(id, cycle) + EventModel.FIRST_AUCTION_ID;
                case INITIAL_BID -> initialBid(id);
                case RESERVE -> reserve(id);
                case EXPIRES -> {
                    long eventTime = model.eventTime(id, random);
                    random.reset(id, EXPIRES);
                    yield model.expires(id, eventTime, random);
                }
                case SELLER -> {
                    random.reset(id, SELLER);
                    yield model.seller(id, cycle, random);
                }
                default -> {
                    random.reset(id, CATEGORY);
                    yield EventModel.FIRST_CATEGORY_ID + random.nextInt(EventModel.NUM_CATEGORIES);
                }
            };
        }
    }

    private long initialBid(long eventId) {
        random.reset(eventId, INITIAL_BID);
        return EventModel.price(random);
    }

    /** The initial bid plus another price, so the reserve is never below the initial bid. */
    private long reserve(long eventId) {
        long initial = initialBid(eventId);
        random.reset(eventId, RESERVE);
        return initial + EventModel.price(random);
    }

    private int sizeWithoutExtra(long eventId) {
        return LONGS_SIZE + textLength(eventId, ITEM_NAME, ITEM_NAME_MAX)
                + textLength(eventId, DESCRIPTION, DESCRIPTION_MAX);
    }

    private int textLength(long eventId, int field, int max) {
        random.reset(eventId, field);
        long bits = random.nextLong();
        return text.wordsLength(TextPool.window(bits), textLength(bits, max));
    }

    /** The untrimmed length of a text field, {@code MIN_TEXT} to {@code max - 1}, from the high bits of its draw. */
    private static int textLength(long bits, int max) {
        return MIN_TEXT + EventRandom.scale(bits >>> 32, max - MIN_TEXT);
    }
}
