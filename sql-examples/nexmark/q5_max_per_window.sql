-- checked: streaming equals batch (NexmarkStreamingTest)
SELECT window_start, window_end, MAX(num) AS max_num
FROM (
  SELECT auction, window_start, window_end, COUNT(*) AS num
  FROM TABLE(HOP(TABLE bid, DESCRIPTOR(date_time), INTERVAL '2' SECOND, INTERVAL '10' SECOND))
  GROUP BY auction, window_start, window_end
)
GROUP BY window_start, window_end
