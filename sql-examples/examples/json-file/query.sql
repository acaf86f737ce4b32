-- JSON Lines read with the filesystem connector; a missing field reads as NULL.
CREATE TABLE IF NOT EXISTS events (
  `user` STRING,
  action STRING,
  ts TIMESTAMP(3),
  amount DOUBLE
) WITH (
  'connector' = 'filesystem',
  'path' = 'sql-examples/examples/json-file/events.json',
  'format' = 'json'
);

SELECT `user`, COUNT(*) AS events, SUM(amount) AS spent, MAX(ts) AS last_seen
FROM events
GROUP BY `user`
ORDER BY `user`
