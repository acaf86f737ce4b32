-- Nexmark q0, pass-through: every bid, unchanged. Measures the generator, the source and the sink.
CREATE TABLE q0_sink (auction BIGINT, bidder BIGINT, price BIGINT, date_time TIMESTAMP(3), extra STRING)
WITH ('connector' = 'blackhole');

INSERT INTO q0_sink
SELECT auction, bidder, price, date_time, extra FROM bid;
