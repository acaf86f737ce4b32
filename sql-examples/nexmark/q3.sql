-- checked: streaming equals batch (NexmarkStreamingTest)
-- Nexmark q3, local item suggestion: sellers in Oregon, Idaho or California of auctions in category 10, a regular
-- join of the auction and person tables (both sides are kept for ever).
CREATE TABLE q3_sink (name STRING, city STRING, state STRING, id BIGINT)
WITH ('connector' = 'blackhole');

INSERT INTO q3_sink
SELECT P.name, P.city, P.state, A.id
FROM auction AS A INNER JOIN person AS P ON A.seller = P.id
WHERE A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA');
