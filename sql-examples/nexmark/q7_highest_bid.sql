-- checked: streaming equals batch (NexmarkStreamingTest)
SELECT window_start, window_end, MAX(price) AS max_price, COUNT(*) AS bids
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
GROUP BY window_start, window_end
