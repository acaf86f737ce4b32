-- VALUES (as a query, in FROM, joined) and views created over HTTP before the suite runs (see ../views.sql).

SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (NULL, 'c'), (2, NULL)) AS t(n, c);
SELECT n * 10, c || '!' FROM (VALUES (1, 'a'), (2, 'b'), (3, NULL)) AS t(n, c) WHERE n > 1;
SELECT t.a, t.b FROM (VALUES (1, 2.5), (2, NULL), (3, 0.25)) AS t(a, b);
VALUES (1, 'x'), (2, 'y');
SELECT v.id, v.label, COUNT(e.emp_id) FROM (VALUES (1, 'one'), (2, 'two'), (99, 'none')) AS v(id, label) LEFT JOIN emp e ON e.dept_id = v.id GROUP BY v.id, v.label;
SELECT x, COUNT(*) FROM (VALUES (1), (1), (2), (NULL), (NULL)) AS t(x) GROUP BY x;
SELECT 1, 'x', TRUE, 2.50, DATE '2024-02-29', CAST(NULL AS INT);
SELECT * FROM active_emp;
SELECT dept_id, COUNT(*), SUM(salary) FROM active_emp GROUP BY dept_id;
SELECT * FROM dept_payroll;
SELECT dept_id, headcount FROM dept_payroll WHERE headcount > 10 ORDER BY headcount DESC, dept_id;
SELECT p.dept_id, p.payroll, d.dname FROM dept_payroll p JOIN dept d ON p.dept_id = d.dept_id;
SELECT * FROM emp_dept WHERE region = 'west';
SELECT region, COUNT(*), MAX(salary) FROM emp_dept GROUP BY region;
SELECT a.emp_id, a.name FROM active_emp a WHERE a.emp_id IN (SELECT emp_id FROM emp_dept WHERE region = 'east');
SELECT emp_id FROM active_emp EXCEPT SELECT emp_id FROM emp_dept;
SELECT COUNT(*) FROM active_emp a JOIN emp_dept d ON a.emp_id = d.emp_id;
SELECT * FROM dept_summary;
SELECT dept_name, headcount FROM dept_summary WHERE payroll IS NULL OR headcount < 20;
SELECT origin, COUNT(*), COUNT(DISTINCT dept_id) FROM all_dept_ids GROUP BY origin;
SELECT a.dept_id, a.origin FROM all_dept_ids a WHERE a.dept_id NOT IN (SELECT dept_id FROM dept WHERE dept_id IS NOT NULL);
SELECT s.dept_name, e.name FROM dept_summary s JOIN active_emp e ON e.dept_id = s.dept_id WHERE s.headcount > 40;
