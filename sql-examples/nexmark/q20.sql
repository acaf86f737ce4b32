-- Nexmark q20, expand bid with auction: every bid on an auction of category 10, with the auction's columns. A
-- regular join with wide rows (both sides are kept for ever).
CREATE TABLE q20_sink (
  auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, bid_date_time TIMESTAMP(3),
  bid_extra STRING, item_name STRING, description STRING, initial_bid BIGINT, reserve BIGINT,
  auction_date_time TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, auction_extra STRING)
WITH ('connector' = 'blackhole');

INSERT INTO q20_sink
SELECT auction, bidder, price, channel, url, B.date_time, B.extra,
  item_name, description, initial_bid, reserve, A.date_time, expires, seller, category, A.extra
FROM bid AS B INNER JOIN auction AS A ON B.auction = A.id
WHERE A.category = 10;
