package io.weir.executor.connector.nexmark;

import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.util.List;

/** The columns of a bid: {@code auction, bidder, price, channel, url, date_time, extra}. */
final class BidColumns extends EntityColumns {

    static final List<String> NAMES = List.of("auction", "bidder", "price", "channel", "url", "date_time", "extra");
    static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.BIGINT, DataType.BIGINT, DataType.STRING,
            DataType.STRING, DataType.TIMESTAMP, DataType.STRING);

    private static final int AUCTION = 0;
    private static final int BIDDER = 1;
    private static final int PRICE = 2;
    private static final int CHANNEL = 3;
    private static final int URL = 4;
    private static final int DATE_TIME = 5;
    private static final int EXTRA = 6;

    /** Four longs: auction, bidder, price and date_time, as the reference counts a bid's size. */
    private static final int SIZE_WITHOUT_EXTRA = 8 + 8 + 8 + 8;
    private static final int AVERAGE_SIZE = 100;

    private final Channels channels;
    /** The channel codes of the batch of generation {@link #channelsOf}: the channel and url columns share them. */
    private int[] channelCodes = new int[0];
    private long channelsOf = -1;

    BidColumns(EventModel model, EventRandom random, TextPool text, Channels channels) {
        super(model, random, text);
        this.channels = channels;
    }

    @Override
    void fill(int column, EventBatch events, Vector out) {
        switch (column) {
            case AUCTION, BIDDER, PRICE -> fillLongs(column, events, ((LongVector) out).values());
            case CHANNEL, URL -> fillChannel(column == URL, events, ((StringVector) out).values());
            case DATE_TIME -> fillTimestamps(events, out);
            case EXTRA -> fillExtra(events, out, EXTRA, id -> SIZE_WITHOUT_EXTRA, AVERAGE_SIZE);
            default -> throw new IllegalArgumentException("No bid column " + column);
        }
    }

    private void fillLongs(int column, EventBatch events, long[] values) {
        long[] ids = events.ids;
        long[] cycles = events.cycles;
        for (int i = 0; i < events.size; i++) {
            random.reset(ids[i], column);
            values[i] = switch (column) {
                case AUCTION -> model.bidAuction(ids[i], cycles[i], random);
                case BIDDER -> model.bidder(ids[i], cycles[i], random);
                default -> EventModel.price(random);
            };
        }
    }

    /** Channel and url come from one draw (the channel), made once per batch for both columns. */
    private void fillChannel(boolean url, EventBatch events, String[] values) {
        int[] codes = channelCodes(events);
        for (int i = 0; i < events.size; i++) {
            values[i] = url ? channels.url(codes[i]) : channels.name(codes[i]);
        }
    }

    private int[] channelCodes(EventBatch events) {
        if (channelsOf != events.generation) {
            if (channelCodes.length < events.size) {
                channelCodes = new int[events.capacity()];
            }
            long[] ids = events.ids;
            for (int i = 0; i < events.size; i++) {
                random.reset(ids[i], CHANNEL);
                channelCodes[i] = channels.pick(random);
            }
            channelsOf = events.generation;
        }
        return channelCodes;
    }
}
