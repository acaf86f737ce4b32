-- Nexmark q7, highest bid, without its final join: the highest price (and the bid count) of each 10 s window.
-- (The full q7 joins the bids back to find the ones at that price; Weir has no streaming joins yet.)
CREATE TABLE q7_sink (window_start TIMESTAMP(3), window_end TIMESTAMP(3), max_price BIGINT, bids BIGINT)
WITH ('connector' = 'blackhole');

INSERT INTO q7_sink
SELECT window_start, window_end, MAX(price) AS max_price, COUNT(*) AS bids
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
GROUP BY window_start, window_end;
