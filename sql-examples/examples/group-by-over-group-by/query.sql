-- A GROUP BY over the updating result of a GROUP BY, in streaming mode. The inner one keeps, per id % 7, a row
-- count and the highest id so far; each of its updates retracts the old row (-U) from the outer GROUP BY, which
-- groups the keys by their count: as counts grow, keys move from one count's group to the next, and a group left
-- without keys is deleted (-D). MIN and MAX find the next value when theirs is retracted. This table is bounded, so
-- the answer is the final table the changelog leaves: ids 1..1000 give key 0 142 ids and keys 1..6 143 each.
CREATE TABLE IF NOT EXISTS regrouped_numbers (
  id BIGINT
) WITH (
  'connector' = 'datagen',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.id.end' = '1000'
);

SET 'execution.runtime-mode' = 'streaming';
SET 'parallelism.default' = '2';

SELECT n,
       COUNT(*) AS keys,
       MIN(top) AS lowest_top,
       MAX(top) AS highest_top,
       SUM(top) AS total_top,
       AVG(top) AS mean_top,
       COUNT(DISTINCT top % 2) AS parities
FROM (
  SELECT id % 7 AS k, COUNT(*) AS n, MAX(id) AS top
  FROM regrouped_numbers
  GROUP BY id % 7
)
GROUP BY n
