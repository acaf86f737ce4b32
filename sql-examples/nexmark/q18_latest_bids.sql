-- checked: streaming equals batch (NexmarkStreamingTest)
-- Nexmark q18 as a SELECT: the latest bid of each bidder on each auction (deduplication: ROW_NUMBER() = 1 by
-- date_time DESC, a later bid replacing the kept one as an update in streaming), for a tenth of the bidders.
SELECT auction, bidder, price, channel, url, date_time, extra
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY date_time DESC) AS rank_number
  FROM bid
  WHERE MOD(bidder, 10) = 0)
WHERE rank_number <= 1
