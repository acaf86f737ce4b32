-- checked: streaming equals batch (NexmarkStreamingTest)
-- Cascaded windows: 10 s counts per auction, rolled up into 1 min windows on the first windows' window_time
-- (renamed, as the outer TVF adds a window_time column of its own).
CREATE OR REPLACE VIEW auction_counts AS
SELECT auction, window_time AS rowtime, COUNT(*) AS num
FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
GROUP BY auction, window_start, window_end, window_time;

SELECT auction, window_start, window_end, SUM(num) AS num, COUNT(*) AS busy_windows
FROM TABLE(TUMBLE(TABLE auction_counts, DESCRIPTOR(rowtime), INTERVAL '1' MINUTE))
GROUP BY auction, window_start, window_end
