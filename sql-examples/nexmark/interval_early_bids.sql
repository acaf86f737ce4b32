-- checked: streaming equals batch (NexmarkStreamingTest)
-- Bids in the first 10 s of their auction, per category: an interval join (each side's rows are kept only while the
-- other side can still send a match, late rows are dropped) feeding an updating GROUP BY.
SELECT A.category, COUNT(*) AS early_bids, MAX(B.price) AS top_price
FROM auction A JOIN bid B ON A.id = B.auction
  AND B.date_time BETWEEN A.date_time AND A.date_time + INTERVAL '10' SECOND
GROUP BY A.category
