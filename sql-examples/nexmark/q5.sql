-- Nexmark q5, hot items, without its final join: bids per auction in 10 s windows sliding by 2 s, then the highest
-- count of each window. (The full q5 joins these back to name the auctions; Weir has no streaming joins yet.)
CREATE TABLE q5_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), max_num BIGINT)
WITH ('connector' = 'blackhole');

INSERT INTO q5_sink
SELECT window_start, window_end, MAX(num) AS max_num
FROM (
  SELECT auction, window_start, window_end, COUNT(*) AS num
  FROM TABLE(HOP(TABLE bid, DESCRIPTOR(date_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
  GROUP BY auction, window_start, window_end
)
GROUP BY window_start, window_end;
