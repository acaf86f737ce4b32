-- checked: streaming equals batch (NexmarkStreamingTest)
-- Nexmark q17 as a SELECT: per auction and day, an updating result in streaming with MIN, MAX, AVG and SUM.
SELECT auction,
  DATE_FORMAT(date_time, 'yyyy-MM-dd') AS `day`,
  count(*) AS total_bids,
  count(*) filter (where price < 10000) AS rank1_bids,
  min(price) AS min_price,
  max(price) AS max_price,
  avg(price) AS avg_price,
  sum(price) AS sum_price
FROM bid
GROUP BY auction, DATE_FORMAT(date_time, 'yyyy-MM-dd')
