package io.weir.executor.connector.nexmark;

/**
 * The validated options of a nexmark table. Immutable.
 *
 * @param entity          which entity's rows the table holds ({@code 'nexmark.table'})
 * @param eventsNum       how many events (of all entities) the sequence has, or {@link #UNBOUNDED}
 * @param firstEventRate  events per second of event time
 * @param rowsPerSecond   events per second of wall-clock time, shared by the subtasks; infinite when unthrottled
 * @param baseTime        event time of event 0, epoch millis
 * @param seed            the seed of every random choice
 * @param disorder        how far the rows depart from event-time order
 */
record NexmarkConfig(NexmarkEntity entity, long eventsNum, double firstEventRate, double rowsPerSecond, long baseTime,
        long seed, int personProportion, int auctionProportion, int bidProportion, EventDisorder disorder) {

    static final long UNBOUNDED = -1;

    boolean isBounded() {
        return eventsNum != UNBOUNDED;
    }

    EventModel model() {
        return new EventModel(personProportion, auctionProportion, bidProportion, baseTime, firstEventRate,
                disorder);
    }
}
