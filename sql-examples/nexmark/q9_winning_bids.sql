-- checked: streaming equals batch (NexmarkStreamingTest)
-- Nexmark q9 as a SELECT: the winning (highest, then earliest) bid placed on each auction while it was open, a
-- Top-N over the rows of a regular join, for a tenth of the auctions.
SELECT id, item_name, seller, category, auction, bidder, price, bid_date_time
FROM (
  SELECT A.*, B.auction, B.bidder, B.price, B.date_time AS bid_date_time,
    ROW_NUMBER() OVER (PARTITION BY A.id ORDER BY B.price DESC, B.date_time ASC, B.bidder) AS rownum
  FROM auction A, bid B
  WHERE A.id = B.auction AND B.date_time BETWEEN A.date_time AND A.expires AND MOD(A.id, 10) = 0)
WHERE rownum <= 1
