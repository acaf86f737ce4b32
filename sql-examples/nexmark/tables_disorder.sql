-- The bid table of tables.sql twice more, out of event-time order (options of the nexmark connector, as in Beam):
-- bid_shuffled (${shuffled_events} events) emits each group of ${group} consecutive events in a shuffled order, so
-- event time goes back by less than ${group} events' worth (less than the 4 s watermark bound at ${rate} events per
-- second): no row is late and every windowed query gives the same rows in streaming as in batch. bid_delayed sets
-- 1% of the events back by up to a minute: most of those are late, dropped by the streaming window operators and
-- counted in late_records_dropped.
CREATE TABLE IF NOT EXISTS bid_shuffled (
  auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  channel STRING,
  url STRING,
  date_time TIMESTAMP(3),
  extra STRING,
  WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND
) WITH (
  'connector' = 'nexmark',
  'nexmark.table' = 'bid',
  'events.num' = '${shuffled_events}',
  'first-event.rate' = '${rate}',
  'out-of-order.group-size' = '${group}'
);

CREATE TABLE IF NOT EXISTS bid_delayed (
  auction BIGINT,
  bidder BIGINT,
  price BIGINT,
  channel STRING,
  url STRING,
  date_time TIMESTAMP(3),
  extra STRING,
  WATERMARK FOR date_time AS date_time - INTERVAL '4' SECOND
) WITH (
  'connector' = 'nexmark',
  'nexmark.table' = 'bid',
  'events.num' = '${events}',
  'first-event.rate' = '${rate}',
  'delayed-events.probability' = '0.01',
  'delayed-events.max-delay' = '1 min'
)
