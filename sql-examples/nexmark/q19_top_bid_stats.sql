-- checked: streaming equals batch (NexmarkStreamingTest)
-- A GROUP BY over a Top-N: per auction, the count, lowest and sum of its 10 highest bids, for a tenth of the
-- auctions. In streaming the Top-N deletes (-D) each bid pushed out of an auction's top 10, and the GROUP BY takes
-- it back (MIN then falls back on the remaining bids).
SELECT auction, COUNT(*) AS bids, MIN(price) AS tenth_price, SUM(price) AS total
FROM (
  SELECT auction, price
  FROM (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC, bidder, date_time) AS rank_number
    FROM bid
    WHERE MOD(auction, 10) = 0)
  WHERE rank_number <= 10)
GROUP BY auction
