-- Nexmark q1, currency conversion: every bid's price from dollars to euros.
CREATE TABLE q1_sink (auction BIGINT, bidder BIGINT, price DECIMAL(19, 3), date_time TIMESTAMP(3), extra STRING)
WITH ('connector' = 'blackhole');

INSERT INTO q1_sink
SELECT auction, bidder, CAST(0.908 * price AS DECIMAL(19, 3)) AS price, date_time, extra FROM bid;
