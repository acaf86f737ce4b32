-- checked: streaming equals batch (NexmarkStreamingTest)
-- Nexmark q7, highest bid: the bids at the highest price of their 10 s tumbling window. A regular join of every bid
-- with the windows' top prices, on the price, keeping bids of the 10 s up to the window's end.
CREATE TABLE q7_sink (auction BIGINT, price BIGINT, bidder BIGINT, date_time TIMESTAMP(3), extra STRING)
WITH ('connector' = 'blackhole');

INSERT INTO q7_sink
SELECT B.auction, B.price, B.bidder, B.date_time, B.extra
FROM bid B
JOIN (
  SELECT MAX(price) AS maxprice, window_end AS date_time
  FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
  GROUP BY window_start, window_end
) B1
ON B.price = B1.maxprice
WHERE B.date_time BETWEEN B1.date_time - INTERVAL '10' SECOND AND B1.date_time;
