package io.weir.executor.connector.nexmark;

import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorFactory;
import io.weir.executor.connector.ConnectorOptions;
import io.weir.executor.connector.ConnectorOptions.OptionReader;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * {@code 'connector' = 'nexmark'}: a deterministic generator of the Nexmark benchmark's online auction, one
 * table per entity. Options:
 * <ul>
 *   <li>{@code nexmark.table} (required): {@code bid}, {@code auction} or {@code person};</li>
 *   <li>{@code events.num}: how many events of the whole sequence (all entities) to generate; bounded when set;</li>
 *   <li>{@code first-event.rate}: events per second of event time (default 10 000 000, or {@code rows-per-second}
 *       when only that is set, so event time keeps pace with the wall clock);</li>
 *   <li>{@code rows-per-second}: a wall-clock throttle shared by the subtasks, counted in events of the whole
 *       sequence (as the reference's rate), so that tables of the three entities with the same options move
 *       through event time at the same pace; a bid table emits about 92% as many rows. Unthrottled when unset;</li>
 *   <li>{@code base-time}: the event time of event 0, a timestamp ({@code 2015-07-15 00:00:00}, UTC) or epoch
 *       millis; default 2015-07-15 00:00:00;</li>
 *   <li>{@code seed} (default 0) and {@code person.proportion}, {@code auction.proportion}, {@code bid.proportion}
 *       (default 1, 3, 46);</li>
 *   <li>{@code out-of-order.group-size} (default 1, at most 1 000 000): the event sequence is cut into groups of this
 *       many consecutive events, and each subtask emits its events of a group in a shuffled order (the same in every
 *       run), so event time within a subtask goes back by less than this many events' worth, i.e. less than
 *       {@code group-size / first-event.rate} seconds, at any parallelism. Choose it below the table's watermark
 *       bound and no row is late;</li>
 *   <li>{@code delayed-events.probability} (default 0, at most 1) and {@code delayed-events.max-delay} (a duration
 *       such as {@code '30 s'}, required with a probability above 0): that share of the events, chosen at random
 *       (the same in every run), have their {@code date_time} set back by a random delay in (0, max-delay]; an
 *       auction's {@code expires} moves with it. A delay beyond the table's watermark bound usually makes the row
 *       late for the windows downstream.</li>
 * </ul>
 * These two follow Beam's Nexmark ({@code outOfOrderGroupSize}, {@code probDelayedEvent},
 * {@code occasionalDelaySec}). Whatever the options, every event appears exactly once and event n is the same at
 * every parallelism; only the order in which a subtask emits its events changes.
 * The table declares any of the entity's columns, by name, in any order, with their types (BIGINT, STRING or any
 * VARCHAR, TIMESTAMP(3) or TIMESTAMP_LTZ(3)); strings are not cut to a declared VARCHAR length.
 */
public final class NexmarkConnectorFactory implements ConnectorFactory {

    public static final String IDENTIFIER = "nexmark";

    static final String TABLE = "nexmark.table";
    static final String EVENTS_NUM = "events.num";
    static final String FIRST_EVENT_RATE = "first-event.rate";
    static final String ROWS_PER_SECOND = "rows-per-second";
    static final String BASE_TIME = "base-time";
    static final String SEED = "seed";
    static final String PERSON_PROPORTION = "person.proportion";
    static final String AUCTION_PROPORTION = "auction.proportion";
    static final String BID_PROPORTION = "bid.proportion";
    static final String OUT_OF_ORDER_GROUP_SIZE = "out-of-order.group-size";
    static final String DELAY_PROBABILITY = "delayed-events.probability";
    static final String MAX_DELAY = "delayed-events.max-delay";

    /** 2015-07-15 00:00:00 UTC, Beam's fixed base time. */
    static final long DEFAULT_BASE_TIME = 1_436_918_400_000L;
    private static final double DEFAULT_FIRST_EVENT_RATE = 10_000_000;
    /** Keeps a cycle of events small enough that splitting it among subtasks stays meaningful. */
    private static final int MAX_TOTAL_PROPORTION = 1_000_000;
    /** A subtask buffers its events of a group (16 bytes each): this bounds that buffer at 16 MB. */
    private static final int MAX_GROUP_SIZE = 1_000_000;

    private static final ConnectorOptions OPTIONS = ConnectorOptions.forConnector(IDENTIFIER)
            .required(TABLE)
            .optional(EVENTS_NUM, FIRST_EVENT_RATE, ROWS_PER_SECOND, BASE_TIME, SEED, PERSON_PROPORTION,
                    AUCTION_PROPORTION, BID_PROPORTION, OUT_OF_ORDER_GROUP_SIZE, DELAY_PROBABILITY, MAX_DELAY);

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public ConnectorTable create(TableSpec spec) {
        OptionReader options = OPTIONS.validate(spec.options(), spec.columnNames());
        NexmarkEntity entity = entity(options);
        int[] entityColumns = matchColumns(spec, entity);
        NexmarkConfig config = config(options, entity);
        return new NexmarkTable(spec.tableName(), config, spec.columnTypes(), entityColumns);
    }

    private static NexmarkEntity entity(OptionReader options) {
        String name = options.choice(TABLE, null, "bid", "auction", "person");
        return NexmarkEntity.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static NexmarkConfig config(OptionReader options, NexmarkEntity entity) {
        long eventsNum = NexmarkConfig.UNBOUNDED;
        if (options.has(EVENTS_NUM)) {
            eventsNum = options.getLong(EVENTS_NUM, 0);
            if (eventsNum < 0) {
                throw WeirException.validation("Option '" + EVENTS_NUM + "' must not be negative, got '"
                        + options.get(EVENTS_NUM) + "'");
            }
        }
        double rowsPerSecond = options.has(ROWS_PER_SECOND) ? positive(options, ROWS_PER_SECOND)
                : Double.POSITIVE_INFINITY;
        double defaultRate = options.has(ROWS_PER_SECOND) ? rowsPerSecond : DEFAULT_FIRST_EVENT_RATE;
        double firstEventRate = options.has(FIRST_EVENT_RATE) ? positive(options, FIRST_EVENT_RATE) : defaultRate;
        int person = proportion(options, PERSON_PROPORTION, 1);
        int auction = proportion(options, AUCTION_PROPORTION, 3);
        int bid = proportion(options, BID_PROPORTION, 46);
        if ((long) person + auction + bid > MAX_TOTAL_PROPORTION) {
            throw WeirException.validation("Options '" + PERSON_PROPORTION + "', '" + AUCTION_PROPORTION + "' and '"
                    + BID_PROPORTION + "' must add up to at most " + MAX_TOTAL_PROPORTION);
        }
        return new NexmarkConfig(entity, eventsNum, firstEventRate, rowsPerSecond, baseTime(options),
                options.getLong(SEED, 0), person, auction, bid, disorder(options));
    }

    private static EventDisorder disorder(OptionReader options) {
        long groupSize = options.getLong(OUT_OF_ORDER_GROUP_SIZE, 1);
        if (groupSize < 1 || groupSize > MAX_GROUP_SIZE) {
            throw WeirException.validation("Option '" + OUT_OF_ORDER_GROUP_SIZE + "' must be a whole number from 1 to "
                    + MAX_GROUP_SIZE + ", got '" + options.get(OUT_OF_ORDER_GROUP_SIZE) + "'");
        }
        double probability = options.getDouble(DELAY_PROBABILITY, 0);
        if (!(probability >= 0 && probability <= 1)) {
            throw WeirException.validation("Option '" + DELAY_PROBABILITY + "' must be a number from 0 to 1, got '"
                    + options.get(DELAY_PROBABILITY) + "'");
        }
        long maxDelay = options.getDurationMillis(MAX_DELAY, 0);
        if (probability > 0 && maxDelay <= 0) {
            throw WeirException.validation("Option '" + MAX_DELAY + "' must be a positive duration such as '30 s' "
                    + "when '" + DELAY_PROBABILITY + "' is above 0, got " + (options.has(MAX_DELAY)
                            ? "'" + options.get(MAX_DELAY) + "'" : "nothing"));
        }
        return new EventDisorder((int) groupSize, probability, probability > 0 ? maxDelay : 0);
    }

    private static double positive(OptionReader options, String key) {
        BigDecimal value = options.getNumber(key);
        if (value.signum() <= 0) {
            throw WeirException.validation("Option '" + key + "' must be positive, got '" + options.get(key) + "'");
        }
        return value.doubleValue();
    }

    private static int proportion(OptionReader options, String key, int defaultValue) {
        long value = options.getLong(key, defaultValue);
        if (value <= 0 || value > MAX_TOTAL_PROPORTION) {
            throw WeirException.validation("Option '" + key + "' must be a whole number from 1 to "
                    + MAX_TOTAL_PROPORTION + ", got '" + options.get(key) + "'");
        }
        return (int) value;
    }

    private static long baseTime(OptionReader options) {
        String text = options.get(BASE_TIME);
        if (text == null) {
            return DEFAULT_BASE_TIME;
        }
        String trimmed = text.trim();
        try {
            return trimmed.chars().allMatch(Character::isDigit) && !trimmed.isEmpty()
                    ? Long.parseLong(trimmed) : Values.parseTimestamp(trimmed);
        } catch (RuntimeException e) {
            throw WeirException.validation("Option '" + BASE_TIME + "' must be a timestamp such as "
                    + "'2015-07-15 00:00:00' or epoch milliseconds, got '" + text + "'");
        }
    }

    /** For each declared column, the index of the entity column of that name; checks the types. */
    private static int[] matchColumns(TableSpec spec, NexmarkEntity entity) {
        List<String> names = entity.columnNames();
        int[] mapping = new int[spec.columnNames().size()];
        for (int c = 0; c < mapping.length; c++) {
            String declared = spec.columnNames().get(c);
            int index = names.indexOf(declared.toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw WeirException.validation("Column '" + declared + "' of table '" + spec.tableName()
                        + "' is not a column of nexmark table '" + entity.tableName() + "'. Its columns: "
                        + String.join(", ", names));
            }
            DataType type = spec.columnTypes().get(c);
            DataType expected = entity.columnTypes().get(index);
            if (!compatible(type, expected)) {
                throw WeirException.validation("Column '" + declared + "' of table '" + spec.tableName()
                        + "' is declared " + type.withNullable(true) + ", but nexmark's '" + names.get(index)
                        + "' is " + expected);
            }
            mapping[c] = index;
        }
        return mapping;
    }

    private static boolean compatible(DataType declared, DataType generated) {
        TypeKind kind = declared.kind();
        return switch (generated.kind()) {
            case BIGINT -> kind == TypeKind.BIGINT;
            case VARCHAR -> kind == TypeKind.VARCHAR;
            case TIMESTAMP -> (kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMP_LTZ)
                    && (declared.precision() == 3 || declared.precision() < 0);
            default -> false;
        };
    }
}
