-- Top-N in streaming mode: ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) filtered to rn <= 3 keeps the three
-- best rows of each partition and emits an updating result (+I as a rank fills, -U/+U as a better row takes it).
-- Over an unbounded source the changelog goes on forever; this table is bounded, so the answer is the final table
-- the changelog leaves, the batch result.
CREATE TABLE IF NOT EXISTS ranked_numbers (
  id BIGINT
) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '1000'
);

SET 'execution.runtime-mode' = 'streaming';
SET 'parallelism.default' = '2';

SELECT k, id, score, rn
FROM (
  SELECT k, id, score, ROW_NUMBER() OVER (PARTITION BY k ORDER BY score DESC, id) AS rn
  FROM (SELECT id % 4 AS k, id, id * 37 % 101 AS score FROM ranked_numbers))
WHERE rn <= 3
