-- Nexmark q18, find last bid: each bidder's latest bid on each auction (deduplication with ROW_NUMBER()).
CREATE TABLE q18_sink (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,
  date_time TIMESTAMP(3), extra STRING)
WITH ('connector' = 'blackhole');

INSERT INTO q18_sink
SELECT auction, bidder, price, channel, url, date_time, extra
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY bidder, auction ORDER BY date_time DESC) AS rank_number
      FROM bid)
WHERE rank_number <= 1;
