-- Nexmark q14, calculation: converted prices in a band, the time of day of each bid and how many 'c's its extra
-- field holds (the reference counts them with a user-defined function; here with built-in string functions).
CREATE TABLE q14_sink (auction BIGINT, bidder BIGINT, price DECIMAL(19, 3), bid_time_type STRING,
  date_time TIMESTAMP(3), extra STRING, c_counts BIGINT)
WITH ('connector' = 'blackhole');

INSERT INTO q14_sink
SELECT auction, bidder, CAST(0.908 * price AS DECIMAL(19, 3)) AS price,
  CASE
    WHEN EXTRACT(HOUR FROM date_time) >= 8 AND EXTRACT(HOUR FROM date_time) <= 18 THEN 'dayTime'
    WHEN EXTRACT(HOUR FROM date_time) <= 6 OR EXTRACT(HOUR FROM date_time) >= 20 THEN 'nightTime'
    ELSE 'otherTime'
  END AS bid_time_type,
  date_time, extra,
  CAST(CHAR_LENGTH(extra) - CHAR_LENGTH(REPLACE(extra, 'c', '')) AS BIGINT) AS c_counts
FROM bid
WHERE 0.908 * price > 1000000 AND 0.908 * price < 50000000;
