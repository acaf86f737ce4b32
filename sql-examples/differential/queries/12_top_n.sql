-- Top-N: ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...) filtered to the first rows (batch, at parallelism 1 and 3).
-- Every ORDER BY of a ROW_NUMBER() ends in the unique k, so which rows are kept does not depend on ties.

SELECT k, i, rn FROM (SELECT k, i, ROW_NUMBER() OVER (PARTITION BY i ORDER BY k DESC) AS rn FROM nums) t
WHERE rn <= 2;
SELECT k, j FROM (SELECT k, j, ROW_NUMBER() OVER (PARTITION BY j ORDER BY x DESC NULLS LAST, k) AS rn FROM nums) t
WHERE rn = 1;
SELECT * FROM (SELECT k, s, ROW_NUMBER() OVER (ORDER BY s NULLS FIRST, k) AS rn FROM nums) t WHERE rn < 6;
SELECT k, i, b FROM (SELECT k, i, b, ROW_NUMBER() OVER (PARTITION BY i ORDER BY b NULLS FIRST, k) AS rn FROM nums) t
WHERE rn <= 3 AND b > 0;
SELECT k, i, j, rn FROM (SELECT k, i, j, ROW_NUMBER() OVER (PARTITION BY i, j ORDER BY d DESC NULLS FIRST, k) AS rn
FROM nums) t WHERE 3 >= rn;
SELECT k, rn FROM (SELECT k, ROW_NUMBER() OVER (PARTITION BY MOD(k, 7) ORDER BY k DESC) AS rn FROM nums) t
WHERE rn <= 4;
SELECT i, n, rn FROM (SELECT i, n, ROW_NUMBER() OVER (ORDER BY n DESC, i NULLS FIRST) AS rn
FROM (SELECT i, COUNT(*) AS n FROM nums GROUP BY i) g) t WHERE rn <= 5;
SELECT a_k, b_k FROM (SELECT a.k AS a_k, b.k AS b_k, ROW_NUMBER() OVER (PARTITION BY a.i ORDER BY b.k DESC) AS rn
FROM nums a JOIN nums b ON a.k = b.k + 1) t WHERE rn <= 1;
SELECT * FROM (SELECT k, ROW_NUMBER() OVER (PARTITION BY i ORDER BY k) AS rn FROM empty_t) t WHERE rn <= 2;
