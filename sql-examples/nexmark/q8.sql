-- checked: streaming equals batch (NexmarkStreamingTest)
-- Nexmark q8, monitor new users: people who opened an auction in the same 10 s tumbling window they registered
-- in. Two window aggregates joined on the person id and the window (a window join).
CREATE TABLE q8_sink (id BIGINT, name STRING, starttime TIMESTAMP(3))
WITH ('connector' = 'blackhole');

INSERT INTO q8_sink
SELECT P.id, P.name, P.starttime
FROM (
  SELECT id, name, window_start AS starttime, window_end AS endtime
  FROM TABLE(TUMBLE(TABLE person, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
  GROUP BY id, name, window_start, window_end
) P
JOIN (
  SELECT seller, window_start AS starttime, window_end AS endtime
  FROM TABLE(TUMBLE(TABLE auction, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
  GROUP BY seller, window_start, window_end
) A
ON P.id = A.seller AND P.starttime = A.starttime AND P.endtime = A.endtime;
