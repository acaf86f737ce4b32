-- The smallest query: no table at all.
SELECT 1 + 1 AS two, 'weir' AS name, CAST(2.5 AS DECIMAL(4, 2)) * 2 AS five
