-- checked: streaming equals batch (NexmarkStreamingTest)
SELECT window_start, window_end, COUNT(*) AS bids, COUNT(DISTINCT bidder) AS bidders, SUM(price) AS volume
FROM TABLE(CUMULATE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
GROUP BY window_start, window_end
