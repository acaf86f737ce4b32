SELECT auction, window_start, window_end, SUM(num) AS num, COUNT(*) AS busy_windows
FROM TABLE(TUMBLE(
  TABLE (
    SELECT auction, window_time, COUNT(*) AS num
    FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(date_time), INTERVAL '10' SECOND))
    GROUP BY auction, window_start, window_end, window_time
  ),
  DESCRIPTOR(window_time), INTERVAL '1' MINUTE))
GROUP BY auction, window_start, window_end
