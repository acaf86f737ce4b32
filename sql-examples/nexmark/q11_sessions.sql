-- checked: streaming equals batch (NexmarkStreamingTest)
SELECT bidder, window_start, window_end, COUNT(*) AS bid_count
FROM TABLE(SESSION(TABLE bid PARTITION BY bidder, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
GROUP BY bidder, window_start, window_end
