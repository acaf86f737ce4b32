package io.weir.executor.connector.nexmark;

/**
 * The arithmetic of the Nexmark event sequence (SPEC.md, "Event type and ids"): which entity event n is, the ids it
 * refers to, and when it happens. Immutable; shared by every reader of a table.
 *
 * <p>Event ids form cycles of {@code totalProportion} events (50 by default): the first {@code personProportion}
 * of a cycle are persons, the next {@code auctionProportion} auctions, the rest bids. Ids below are "base 0"
 * (counted from the first person or auction) until the public {@code FIRST_*_ID} offset is added. Methods take the
 * event's cycle ({@code eventId / totalProportion}) as well as its id, because the readers know it without a
 * division, and a 64-bit division per field would be the costliest step otherwise.
 *
 * <p><b>Time.</b> {@code timestamp(n) = baseTime + floor(n * 10^6 / firstEventRate) / 1000} milliseconds, from the
 * event id alone. The reference multiplies the delay by the number of parallel generators and counts events per
 * generator; we do not, so that event n has the same timestamp at every parallelism, and the stream as a whole still
 * advances {@code firstEventRate} events per second of event time. An event's own {@code date_time}
 * ({@link #eventTime}) is that time, unless the table delays events ({@link EventDisorder}): then some events are set
 * back by a random delay drawn, like every field, from the event id alone.
 */
final class EventModel {

    static final long FIRST_PERSON_ID = 1000L;
    static final long FIRST_AUCTION_ID = 1000L;
    static final long FIRST_CATEGORY_ID = 10L;
    static final int NUM_CATEGORIES = 5;

    /** Hot sellers, bidders and auctions are the first of the latest batch of this many ids. */
    private static final int HOT_BATCH = 100;
    /** Nexmark's hot ratios 2 (auctions) and 4 (sellers, bidders): 1 in 2 (1 in 4) picks a random one instead. */
    private static final long RANDOM_AUCTION_MASK = 1;
    private static final long RANDOM_PERSON_MASK = 3;
    private static final int NUM_ACTIVE_PEOPLE = 1000;
    private static final int NUM_IN_FLIGHT_AUCTIONS = 100;
    /** Random picks may name this many people or auctions that do not exist yet. */
    private static final int ID_LEAD = 10;
    /** The draws of an event's delay: a field number no entity column uses. */
    static final int DELAY_FIELD = 64;

    private static final int POW10_STEPS = 4096;
    /** {@code POW10[i] = 10^(i / POW10_STEPS)}, from StrictMath so the table is the same everywhere. */
    private static final double[] POW10 = new double[POW10_STEPS + 1];
    /** 100 cents times each decade. */
    private static final double[] DECADES = {1e2, 1e3, 1e4, 1e5, 1e6, 1e7};

    static {
        for (int i = 0; i <= POW10_STEPS; i++) {
            POW10[i] = StrictMath.pow(10.0, (double) i / POW10_STEPS);
        }
    }

    final int personProportion;
    final int auctionProportion;
    final int totalProportion;
    private final long baseTime;
    private final double interEventDelayMicros;
    /** Events until {@link #NUM_IN_FLIGHT_AUCTIONS} more auctions exist: an auction's expected lifetime. */
    private final long auctionHorizonEvents;
    /** The share of events set back, and by how much at most ({@link EventDisorder}). */
    private final double delayProbability;
    private final long maxDelayMillis;

    EventModel(int personProportion, int auctionProportion, int bidProportion, long baseTime, double firstEventRate,
            EventDisorder disorder) {
        this.personProportion = personProportion;
        this.auctionProportion = auctionProportion;
        this.totalProportion = personProportion + auctionProportion + bidProportion;
        this.baseTime = baseTime;
        this.interEventDelayMicros = 1_000_000.0 / firstEventRate;
        this.auctionHorizonEvents = (long) NUM_IN_FLIGHT_AUCTIONS * totalProportion / auctionProportion;
        this.delayProbability = disorder.delayProbability();
        this.maxDelayMillis = disorder.maxDelayMillis();
    }

    /** The time of event {@code eventId} on the sequence's time line, epoch millis. */
    long timestamp(long eventId) {
        return baseTime + (long) (eventId * interEventDelayMicros) / 1000L;
    }

    /**
     * The {@code date_time} of event {@code eventId}: its {@link #timestamp}, set back by a delay in
     * {@code (0, maxDelay]} for a {@code delayProbability} share of the events (two draws of {@link #DELAY_FIELD}:
     * whether, then how much).
     */
    long eventTime(long eventId, EventRandom random) {
        long timestamp = timestamp(eventId);
        if (delayProbability <= 0) {
            return timestamp;
        }
        random.reset(eventId, DELAY_FIELD);
        if (random.nextDouble() >= delayProbability) {
            return timestamp;
        }
        return timestamp - 1 - random.nextLong(maxDelayMillis);
    }

    /** The latest person id (base 0) at event {@code eventId}: the event's own id if it is a person. */
    long lastBase0PersonId(long eventId, long cycle) {
        long offset = Math.min(eventId - cycle * totalProportion, personProportion - 1);
        return cycle * personProportion + offset;
    }

    /** The latest auction id (base 0) at event {@code eventId}: the event's own id if it is an auction. */
    long lastBase0AuctionId(long eventId, long cycle) {
        long offset = eventId - cycle * totalProportion;
        if (offset < personProportion) {
            return (cycle - 1) * auctionProportion + auctionProportion - 1;
        }
        return cycle * auctionProportion + Math.min(offset - personProportion, auctionProportion - 1);
    }

    /** The seller of an auction: 3 in 4 the hot seller, else a recent person (one draw). */
    long seller(long eventId, long cycle, EventRandom random) {
        long bits = random.nextLong();
        long last = lastBase0PersonId(eventId, cycle);
        long id = (bits & RANDOM_PERSON_MASK) != 0 ? last / HOT_BATCH * HOT_BATCH : recentPerson(last, bits >>> 32);
        return id + FIRST_PERSON_ID;
    }

    /** The bidder of a bid: 3 in 4 the hot bidder (one above the hot seller), else a recent person (one draw). */
    long bidder(long eventId, long cycle, EventRandom random) {
        long bits = random.nextLong();
        long last = lastBase0PersonId(eventId, cycle);
        long id = (bits & RANDOM_PERSON_MASK) != 0 ? last / HOT_BATCH * HOT_BATCH + 1 : recentPerson(last, bits >>> 32);
        return id + FIRST_PERSON_ID;
    }

    /** The auction of a bid: half the time the hot auction, else one of the last 100 or the next 10 (one draw). */
    long bidAuction(long eventId, long cycle, EventRandom random) {
        long bits = random.nextLong();
        long last = lastBase0AuctionId(eventId, cycle);
        long id;
        if ((bits & RANDOM_AUCTION_MASK) != 0) {
            id = last / HOT_BATCH * HOT_BATCH;
        } else {
            long min = Math.max(last - NUM_IN_FLIGHT_AUCTIONS, 0);
            id = min + EventRandom.scale(bits >>> 32, (int) (last - min + 1 + ID_LEAD));
        }
        return id + FIRST_AUCTION_ID;
    }

    /** One of the newest {@link #NUM_ACTIVE_PEOPLE} people or of the next {@link #ID_LEAD} (base 0). */
    private static long recentPerson(long lastPerson, long bits) {
        long people = lastPerson + 1;
        long active = Math.min(people, NUM_ACTIVE_PEOPLE);
        return people - active + EventRandom.scale(bits, (int) active + ID_LEAD);
    }

    /**
     * When an auction expires: 1 ms plus up to twice the auction horizon after its {@code eventTime} (one draw), so
     * a delayed auction lives as long as it would have.
     */
    long expires(long eventId, long eventTime, EventRandom random) {
        long horizon = timestamp(eventId + auctionHorizonEvents) - timestamp(eventId);
        return eventTime + 1 + random.nextLong(Math.max(horizon * 2, 1L));
    }

    /**
     * A price in cents, log-uniform in [100, 10^8]: a sixth of the prices fall in each decade (one draw). It is
     * {@code round(100 * 10^(6u))} for a uniform u, with 10^x taken from {@link #POW10} by linear interpolation (a
     * relative error below 10^-7): faster than {@code Math.pow}, and unlike it the same on every JVM and CPU, which
     * determinism needs ({@code Math.pow} may differ by an ulp between the interpreter and compiled code).
     */
    static long price(EventRandom random) {
        double x = random.nextDouble() * 6.0;
        int decade = (int) x;
        double position = (x - decade) * POW10_STEPS;
        int step = (int) position;
        double power = POW10[step] + (POW10[step + 1] - POW10[step]) * (position - step);
        return Math.round(power * DECADES[decade]);
    }

    /**
     * The length of an {@code extra} field that pads an event of {@code currentSize} bytes to {@code averageSize} on
     * average, spread by +-20%, from 32 random bits; 0 when the event is already larger.
     */
    static int extraLength(long bits, int currentSize, int averageSize) {
        if (currentSize > averageSize) {
            return 0;
        }
        int desired = averageSize - currentSize;
        int delta = (int) Math.round(desired * 0.2);
        return desired - delta + (delta == 0 ? 0 : EventRandom.scale(bits, 2 * delta));
    }
}
