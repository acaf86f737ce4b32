-- Math functions: ABS, MOD, ROUND, FLOOR, CEIL, POWER, SQRT, SIGN, LN, LOG10, EXP, TRUNCATE.

SELECT k, ABS(i), ABS(b), ABS(d), ABS(x) FROM nums;
SELECT k, MOD(i, 7), MOD(b, 1000), MOD(i, NULLIF(j, 0)), MOD(k, 3), MOD(-k, 4) FROM nums;
SELECT k, ROUND(d, 1), ROUND(d), ROUND(e, 1), ROUND(d, 2), ROUND(e, 0) FROM nums;
SELECT k, ROUND(x, 2), ROUND(x), ROUND(y, 0), ROUND(x, 1) FROM nums;
SELECT k, ROUND(i, -1), ROUND(b, -3), ROUND(e, -1) FROM nums;
SELECT k, FLOOR(d), CEIL(d), FLOOR(e), CEILING(e) FROM nums;
SELECT k, FLOOR(x), CEIL(x), FLOOR(y), CEILING(y) FROM nums;
SELECT k, FLOOR(i), CEIL(b) FROM nums;
SELECT k, POWER(i, 2), POWER(ABS(x), 0.5), POWER(2, j), POWER(d, 2) FROM nums;
SELECT k, SQRT(ABS(x)), SQRT(CAST(k AS DOUBLE)), SQRT(ABS(d)), SQRT(y) FROM nums;
SELECT k, SIGN(i), SIGN(x), SIGN(d) FROM nums;
SELECT k, LN(k), LOG10(k), EXP(CAST(j AS DOUBLE)), LN(y + 1) FROM nums;
SELECT k, TRUNCATE(d, 1), TRUNCATE(x, 2), TRUNCATE(e, 0) FROM nums;
SELECT emp_id, ROUND(salary * 1.075, 2), FLOOR(salary / 1000), CEIL(bonus / 7), ABS(bonus) FROM emp;
SELECT k, ABS(i - j) * 2, MOD(ABS(i), 5) + 1, ROUND(d * e, 3), FLOOR(x / 3) FROM nums;
SELECT proj_id, ROUND(rate * hours_spent / 8, 2), MOD(proj_id, 10), SQRT(score) FROM proj;
SELECT MOD(emp_id, 10), COUNT(*), SUM(salary) FROM emp GROUP BY MOD(emp_id, 10);
SELECT ABS(-5), ABS(-2.50), MOD(17, -5), MOD(-17, 5), ROUND(2.5), ROUND(-2.5), ROUND(1.005, 2), FLOOR(-1.5), CEIL(-1.5);
SELECT POWER(2, 10), SQRT(16), SIGN(-3), ROUND(123.456, -1), ROUND(CAST(2.675 AS DOUBLE), 2), TRUNCATE(2.789, 1);
SELECT k, COS(x), SIN(y), ATAN(x) FROM nums;
SELECT k, LN(ABS(x) + 1), LOG(10, k), EXP(1) FROM nums;
SELECT k, CEIL(x * 10) / 10, FLOOR(d * 10) / 10 FROM nums;
SELECT k, GREATEST(k, 200), LEAST(k, 200) FROM nums;
