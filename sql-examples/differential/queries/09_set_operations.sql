-- Set operations: UNION, UNION ALL, INTERSECT, EXCEPT, with NULLs and
-- duplicates, mixed types, chains and precedence, empty inputs; DISTINCT.

SELECT dept_id FROM emp UNION SELECT dept_id FROM dept;
SELECT dept_id FROM dept UNION ALL SELECT dept_id FROM dept;
SELECT dept_id FROM emp INTERSECT SELECT dept_id FROM dept;
SELECT dept_id FROM emp EXCEPT SELECT dept_id FROM dept;
SELECT dept_id FROM dept EXCEPT SELECT dept_id FROM emp;
SELECT emp_id, dept_id FROM emp INTERSECT SELECT emp_id, dept_id FROM proj;
SELECT emp_id, dept_id FROM proj EXCEPT SELECT emp_id, dept_id FROM emp;
SELECT emp_id, dept_id FROM emp UNION SELECT emp_id, dept_id FROM proj;
SELECT i FROM nums UNION SELECT j FROM nums UNION SELECT floor_no FROM dept;
SELECT i FROM nums UNION ALL SELECT j FROM nums UNION ALL SELECT floor_no FROM dept;
SELECT i FROM nums UNION SELECT d FROM nums;
SELECT x FROM nums UNION SELECT i FROM nums;
SELECT b FROM nums INTERSECT SELECT i FROM nums;
SELECT name FROM emp UNION SELECT dname FROM dept;
SELECT s FROM nums UNION ALL SELECT t FROM nums;
SELECT s FROM nums INTERSECT SELECT t FROM nums;
SELECT s FROM nums EXCEPT SELECT t FROM nums WHERE k < 200;
SELECT f, g FROM nums UNION SELECT g, f FROM nums;
SELECT dt FROM nums INTERSECT SELECT hired FROM emp;
SELECT ts FROM nums UNION SELECT updated FROM emp WHERE emp_id < 50;
SELECT 'a' AS c UNION ALL SELECT 'bcd' UNION ALL SELECT NULL;
SELECT dept_id FROM emp UNION SELECT dept_id FROM dept EXCEPT SELECT dept_id FROM proj;
SELECT dept_id FROM emp EXCEPT (SELECT dept_id FROM dept UNION SELECT dept_id FROM proj);
SELECT dept_id FROM emp UNION SELECT dept_id FROM dept INTERSECT SELECT floor_no FROM dept;
(SELECT dept_id FROM emp EXCEPT SELECT dept_id FROM dept) UNION ALL SELECT dept_id FROM dept WHERE region = 'east';
SELECT i FROM nums EXCEPT SELECT i FROM empty_t;
SELECT i FROM nums INTERSECT SELECT i FROM empty_t;
SELECT i FROM empty_t UNION SELECT j FROM single_t;
SELECT i FROM empty_t UNION ALL SELECT i FROM empty_t;
SELECT dept_id, COUNT(*) FROM emp GROUP BY dept_id UNION ALL SELECT dept_id, COUNT(*) FROM proj GROUP BY dept_id;
SELECT dept_id, SUM(salary) FROM emp WHERE active GROUP BY dept_id EXCEPT SELECT dept_id, SUM(salary) FROM emp WHERE dept_id > 10 AND active GROUP BY dept_id;
SELECT COUNT(*) FROM (SELECT dept_id FROM emp UNION SELECT dept_id FROM dept) t;
SELECT u.v, COUNT(*) FROM (SELECT i AS v FROM nums UNION ALL SELECT j FROM nums) u GROUP BY u.v;
SELECT k, s FROM nums WHERE k < 50 UNION SELECT k, t FROM nums WHERE k < 50;
SELECT emp_id FROM emp WHERE dept_id = 1 INTERSECT SELECT emp_id FROM proj WHERE done EXCEPT SELECT emp_id FROM emp WHERE NOT active;
SELECT dept_id FROM emp UNION SELECT dept_id FROM dept ORDER BY 1;
SELECT dept_id FROM emp UNION ALL SELECT dept_id FROM dept ORDER BY dept_id DESC LIMIT 10;
SELECT dept_id FROM emp INTERSECT SELECT dept_id FROM dept ORDER BY dept_id NULLS LAST;
SELECT DISTINCT i, j FROM nums;
SELECT DISTINCT d FROM nums WHERE d > 0;
SELECT DISTINCT CAST(updated AS DATE) FROM emp WHERE dept_id = 2;
SELECT DISTINCT x, y FROM nums WHERE k > 300;
SELECT COUNT(DISTINCT s), COUNT(DISTINCT t), COUNT(*) FROM (SELECT DISTINCT s, t FROM nums) u;
-- H2 2.x has no INTERSECT ALL / EXCEPT ALL: its reference numbers the duplicates (ROW_NUMBER) and uses the set operation.
SELECT dept_id FROM emp EXCEPT ALL SELECT dept_id FROM proj;
--h2: SELECT dept_id FROM (SELECT dept_id, ROW_NUMBER() OVER (PARTITION BY dept_id) AS rn FROM emp
--h2: EXCEPT SELECT dept_id, ROW_NUMBER() OVER (PARTITION BY dept_id) FROM proj) t;
SELECT dept_id FROM emp INTERSECT ALL SELECT dept_id FROM proj;
--h2: SELECT dept_id FROM (SELECT dept_id, ROW_NUMBER() OVER (PARTITION BY dept_id) AS rn FROM emp
--h2: INTERSECT SELECT dept_id, ROW_NUMBER() OVER (PARTITION BY dept_id) FROM proj) t;
SELECT i, j FROM nums INTERSECT ALL SELECT j, i FROM nums;
--h2: SELECT i, j FROM (SELECT i, j, ROW_NUMBER() OVER (PARTITION BY i, j) AS rn FROM nums
--h2: INTERSECT SELECT j, i, ROW_NUMBER() OVER (PARTITION BY j, i) FROM nums) t;
SELECT s FROM nums EXCEPT ALL SELECT t FROM nums;
--h2: SELECT s FROM (SELECT s, ROW_NUMBER() OVER (PARTITION BY s) AS rn FROM nums
--h2: EXCEPT SELECT t, ROW_NUMBER() OVER (PARTITION BY t) FROM nums) u;
