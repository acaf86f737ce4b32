-- checked: streaming equals batch (NexmarkStreamingTest)
-- Nexmark q19 as a SELECT: the 10 highest bids of each auction with their rank (Top-N: ROW_NUMBER() <= 10; in
-- streaming each rank is updated as higher bids arrive), for a tenth of the auctions. Ties in price rank by bidder
-- and time, so the ranks do not depend on the order in which parallel sources deliver tied bids.
SELECT *
FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY auction ORDER BY price DESC, bidder, date_time) AS rank_number
  FROM bid
  WHERE MOD(auction, 10) = 0)
WHERE rank_number <= 10
