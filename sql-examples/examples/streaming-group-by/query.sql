-- A GROUP BY run in streaming mode: the aggregate keeps each group's accumulators and emits an updating result
-- (+I, then -U/+U as groups change). Over an unbounded source the changelog goes on forever (see the results
-- endpoint); this table is bounded, so the answer is the final table the changelog leaves, the batch result.
CREATE TABLE IF NOT EXISTS counted_numbers (
  id BIGINT
) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '1000'
);

SET 'execution.runtime-mode' = 'streaming';
SET 'parallelism.default' = '2';

SELECT id % 4 AS k,
       COUNT(*) AS n,
       COUNT(*) FILTER (WHERE id <= 500) AS early,
       COUNT(DISTINCT id / 10) AS tens,
       COUNT(DISTINCT id / 10) FILTER (WHERE id <= 500) AS early_tens,
       MIN(id) AS lowest,
       MAX(id) AS highest,
       AVG(id) AS mean,
       SUM(id) AS total
FROM counted_numbers
GROUP BY id % 4
