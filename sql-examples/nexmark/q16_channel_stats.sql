-- checked: streaming equals batch (NexmarkStreamingTest)
-- Nexmark q16 as a SELECT: a GROUP BY without a window (an updating result in streaming), COUNT(DISTINCT) with FILTER.
SELECT channel,
  DATE_FORMAT(date_time, 'yyyy-MM-dd') AS `day`,
  max(DATE_FORMAT(date_time, 'HH:mm')) AS `minute`,
  count(*) AS total_bids,
  count(*) filter (where price < 10000) AS rank1_bids,
  count(*) filter (where price >= 10000 and price < 1000000) AS rank2_bids,
  count(distinct bidder) AS total_bidders,
  count(distinct bidder) filter (where price < 10000) AS rank1_bidders,
  count(distinct auction) filter (where price >= 1000000) AS rank3_auctions
FROM bid
GROUP BY channel, DATE_FORMAT(date_time, 'yyyy-MM-dd')
