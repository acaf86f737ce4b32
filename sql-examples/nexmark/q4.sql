-- checked: streaming equals batch (NexmarkStreamingTest)
-- Nexmark q4, average price per category: the average over categories of each auction's final (highest) price
-- among the bids made while it was open. A GROUP BY over the updating result of a GROUP BY: each better bid
-- retracts its auction's old price from its category's average.
CREATE TABLE q4_sink (id BIGINT, final BIGINT)
WITH ('connector' = 'blackhole');

INSERT INTO q4_sink
SELECT Q.category, AVG(Q.final)
FROM (
  SELECT MAX(B.price) AS final, A.category
  FROM auction A, bid B
  WHERE A.id = B.auction AND B.date_time BETWEEN A.date_time AND A.expires
  GROUP BY A.id, A.category
) Q
GROUP BY Q.category;
