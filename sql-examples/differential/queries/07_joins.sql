-- Joins of every kind: INNER, LEFT, RIGHT, FULL; NULL keys, duplicate keys, skewed keys, multi-column keys,
-- non-equi residuals, pure non-equi joins, cross joins, self-joins, 3-4 way joins, joins of sub-queries.
-- H2 has no FULL OUTER JOIN: each FULL JOIN query carries an equivalent for H2 (LEFT JOIN plus the unmatched
-- right rows, found with NOT EXISTS over the same condition).

SELECT e.emp_id, e.name, d.dept_id, d.dname FROM emp e JOIN dept d ON e.dept_id = d.dept_id;
SELECT e.emp_id, e.name, d.dept_id, d.dname FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id;
SELECT e.emp_id, e.name, d.dept_id, d.dname FROM emp e RIGHT JOIN dept d ON e.dept_id = d.dept_id;
SELECT e.emp_id, e.name, d.dept_id, d.dname FROM emp e FULL OUTER JOIN dept d ON e.dept_id = d.dept_id;
--h2: SELECT e.emp_id, e.name, d.dept_id, d.dname FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id
--h2: UNION ALL SELECT NULL, NULL, d.dept_id, d.dname FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.dept_id);
SELECT d.dept_id, d.dname, e.emp_id FROM dept d LEFT OUTER JOIN emp e ON d.dept_id = e.dept_id;
SELECT d.dept_id, d.region, e.emp_id FROM dept d FULL JOIN emp e ON d.dept_id = e.dept_id WHERE e.emp_id IS NULL OR d.dept_id IS NULL;
--h2: SELECT * FROM (SELECT d.dept_id, d.region, e.emp_id FROM dept d LEFT JOIN emp e ON d.dept_id = e.dept_id
--h2: UNION ALL SELECT NULL, NULL, e.emp_id FROM emp e WHERE NOT EXISTS (SELECT 1 FROM dept d WHERE d.dept_id = e.dept_id)) t
--h2: WHERE emp_id IS NULL OR dept_id IS NULL;
SELECT e.emp_id, e.dept_id, p.proj_id, p.hours_spent FROM emp e JOIN proj p ON e.emp_id = p.emp_id AND e.dept_id = p.dept_id;
SELECT e.emp_id, e.dept_id, p.proj_id, p.dept_id FROM emp e LEFT JOIN proj p ON e.emp_id = p.emp_id AND e.dept_id = p.dept_id;
SELECT e.emp_id, p.emp_id, p.dept_id, p.proj_id FROM emp e RIGHT JOIN proj p ON e.emp_id = p.emp_id AND e.dept_id = p.dept_id;
SELECT e.emp_id, e.dept_id, p.emp_id, p.dept_id, p.proj_id FROM emp e FULL JOIN proj p ON e.emp_id = p.emp_id AND e.dept_id = p.dept_id;
--h2: SELECT e.emp_id, e.dept_id, p.emp_id, p.dept_id, p.proj_id FROM emp e LEFT JOIN proj p ON e.emp_id = p.emp_id AND e.dept_id = p.dept_id
--h2: UNION ALL SELECT NULL, NULL, p.emp_id, p.dept_id, p.proj_id FROM proj p
--h2: WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.emp_id = p.emp_id AND e.dept_id = p.dept_id);
SELECT e.emp_id, p.proj_id, e.hired, p.due FROM emp e JOIN proj p ON e.emp_id = p.emp_id AND e.hired < p.due;
SELECT e.emp_id, p.proj_id, p.hours_spent FROM emp e LEFT JOIN proj p ON e.emp_id = p.emp_id AND p.hours_spent > 100;
SELECT e.emp_id, p.proj_id, e.salary, p.rate FROM emp e RIGHT JOIN proj p ON e.emp_id = p.emp_id AND e.salary > p.rate * 40;
SELECT e.emp_id, p.proj_id, e.updated, p.started FROM emp e FULL JOIN proj p ON e.emp_id = p.emp_id AND e.updated < p.started;
--h2: SELECT e.emp_id, p.proj_id, e.updated, p.started FROM emp e LEFT JOIN proj p ON e.emp_id = p.emp_id AND e.updated < p.started
--h2: UNION ALL SELECT NULL, p.proj_id, NULL, p.started FROM proj p
--h2: WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.emp_id = p.emp_id AND e.updated < p.started);
SELECT e.emp_id, d.dept_id, d.budget FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id AND d.budget > 250000 AND e.active;
SELECT a.dept_id, b.dept_id, a.budget, b.budget FROM dept a JOIN dept b ON a.budget < b.budget AND a.region = 'north';
SELECT n.k, n.i, d.dept_id, d.floor_no FROM nums n JOIN dept d ON n.i BETWEEN d.floor_no AND d.floor_no + 1;
SELECT d.dept_id, d.floor_no, n.k FROM dept d LEFT JOIN nums n ON n.j > d.floor_no AND n.k < 6;
SELECT d.dept_id, s.k FROM dept d RIGHT JOIN single_t s ON d.floor_no > s.j;
SELECT a.k, b.k FROM nums a FULL JOIN nums b ON a.k > 395 AND b.k < a.k - 393;
--h2: SELECT a.k, b.k FROM nums a LEFT JOIN nums b ON a.k > 395 AND b.k < a.k - 393
--h2: UNION ALL SELECT NULL, b.k FROM nums b WHERE NOT EXISTS (SELECT 1 FROM nums a WHERE a.k > 395 AND b.k < a.k - 393);
SELECT d.dept_id, d.dname, s.k, s.s FROM dept d CROSS JOIN single_t s;
SELECT d.dept_id, v.n FROM dept d CROSS JOIN (VALUES (1), (2), (3)) AS v(n);
SELECT d.dept_id, t.k FROM dept d CROSS JOIN empty_t t;
SELECT COUNT(*), SUM(a.floor_no * b.floor_no) FROM dept a, dept b;
SELECT e.emp_id, d.dname FROM emp e, dept d WHERE e.dept_id = d.dept_id AND d.region = 'south';
SELECT e.emp_id, e.name, m.emp_id, m.name FROM emp e JOIN emp m ON e.mgr_id = m.emp_id;
SELECT e.emp_id, m.emp_id, m.dept_id FROM emp e LEFT JOIN emp m ON e.mgr_id = m.emp_id AND e.dept_id = m.dept_id;
SELECT a.emp_id, b.emp_id FROM emp a JOIN emp b ON a.emp_id = b.emp_id AND a.updated <> b.updated;
SELECT e.emp_id, d.dname, p.proj_id FROM emp e JOIN dept d ON e.dept_id = d.dept_id JOIN proj p ON p.emp_id = e.emp_id;
SELECT e.emp_id, d.dname, p.proj_id FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id LEFT JOIN proj p ON p.emp_id = e.emp_id;
SELECT e.emp_id, d.dname, p.proj_id, n.s FROM emp e JOIN dept d ON e.dept_id = d.dept_id JOIN proj p ON p.emp_id = e.emp_id AND p.dept_id = d.dept_id JOIN nums n ON n.k = p.proj_id;
SELECT d.dept_id, e.emp_id, p.proj_id FROM dept d LEFT JOIN emp e ON e.dept_id = d.dept_id AND e.salary > 9500 FULL JOIN proj p ON p.emp_id = e.emp_id;
--h2: SELECT d.dept_id, e.emp_id, p.proj_id FROM dept d LEFT JOIN emp e ON e.dept_id = d.dept_id AND e.salary > 9500 LEFT JOIN proj p ON p.emp_id = e.emp_id
--h2: UNION ALL SELECT NULL, NULL, p.proj_id FROM proj p
--h2: WHERE NOT EXISTS (SELECT 1 FROM dept d JOIN emp e ON e.dept_id = d.dept_id AND e.salary > 9500 WHERE p.emp_id = e.emp_id);
SELECT d.region, COUNT(*), COUNT(p.proj_id), SUM(p.hours_spent) FROM dept d JOIN emp e ON e.dept_id = d.dept_id LEFT JOIN proj p ON p.emp_id = e.emp_id GROUP BY d.region;
SELECT a.dept_id, a.n, b.h FROM (SELECT dept_id, COUNT(*) AS n FROM emp GROUP BY dept_id) a JOIN (SELECT dept_id, SUM(hours_spent) AS h FROM proj GROUP BY dept_id) b ON a.dept_id = b.dept_id;
SELECT a.dept_id, a.n, b.h FROM (SELECT dept_id, COUNT(*) AS n FROM emp GROUP BY dept_id) a FULL JOIN (SELECT dept_id, SUM(hours_spent) AS h FROM proj GROUP BY dept_id) b ON a.dept_id = b.dept_id;
--h2: WITH a AS (SELECT dept_id, COUNT(*) AS n FROM emp GROUP BY dept_id), b AS (SELECT dept_id, SUM(hours_spent) AS h FROM proj GROUP BY dept_id)
--h2: SELECT a.dept_id, a.n, b.h FROM a LEFT JOIN b ON a.dept_id = b.dept_id
--h2: UNION ALL SELECT NULL, NULL, b.h FROM b WHERE NOT EXISTS (SELECT 1 FROM a WHERE a.dept_id = b.dept_id);
SELECT t.emp_id, t.total, e.name FROM (SELECT emp_id, SUM(hours_spent) AS total FROM proj WHERE done GROUP BY emp_id) t LEFT JOIN emp e ON e.emp_id = t.emp_id;
SELECT e.emp_id, t.k FROM emp e LEFT JOIN empty_t t ON e.dept_id = t.i WHERE e.dept_id = 4;
SELECT t.k, d.dept_id FROM empty_t t RIGHT JOIN dept d ON t.i = d.dept_id;
SELECT t.k, d.dept_id FROM empty_t t FULL JOIN dept d ON t.i = d.dept_id;
--h2: SELECT NULL, d.dept_id FROM dept d;
SELECT t.k, d.dept_id FROM empty_t t JOIN dept d ON t.i = d.dept_id;
SELECT e.emp_id, d.dept_id, d.region FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id WHERE d.region = 'north';
SELECT e.emp_id, e.dept_id FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id WHERE d.dept_id IS NULL;
SELECT a.k, b.k FROM nums a JOIN nums b ON a.d = b.e;
SELECT a.k, b.k, a.i, b.d FROM nums a JOIN nums b ON a.i = b.d;
SELECT a.k, b.k FROM nums a JOIN nums b ON a.i = b.b;
SELECT a.k, b.k FROM nums a JOIN nums b ON a.x = b.y AND a.k < b.k;
SELECT a.k, b.k FROM nums a JOIN nums b ON a.i = b.x;
SELECT a.k, b.k FROM nums a JOIN nums b ON a.s = b.t AND a.dt < b.dt;
SELECT a.k, b.k FROM nums a JOIN nums b ON a.dt = b.dt AND a.k <> b.k;
SELECT a.f, b.g, COUNT(*) FROM nums a JOIN nums b ON a.f = b.g GROUP BY a.f, b.g;
SELECT a.k, b.k FROM nums a JOIN nums b ON UPPER(a.s) = UPPER(b.t) AND a.k + 1 = b.k;
SELECT e.emp_id, p.proj_id FROM emp e JOIN proj p ON e.emp_id = p.emp_id + 1 AND p.dept_id = 1;
SELECT e.emp_id, v.label FROM emp e JOIN (VALUES (1, 'one'), (2, 'two'), (99, 'none')) AS v(id, label) ON e.dept_id = v.id;
SELECT e.emp_id, d.dname FROM emp e JOIN dept d USING (dept_id) WHERE e.emp_id < 300;
SELECT e.emp_id, d.dname, d.region FROM emp e LEFT JOIN dept d USING (dept_id) WHERE e.emp_id > 1400;
SELECT COUNT(*), COUNT(e.emp_id), COUNT(d.dept_id) FROM emp e FULL JOIN dept d ON e.dept_id = d.dept_id;
--h2: SELECT COUNT(*), COUNT(emp_id), COUNT(dept_id) FROM (SELECT e.emp_id, d.dept_id FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id
--h2: UNION ALL SELECT NULL, d.dept_id FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.dept_id)) t;
SELECT d.dept_id, COUNT(e.emp_id), SUM(e.salary) FROM dept d LEFT JOIN emp e ON e.dept_id = d.dept_id GROUP BY d.dept_id;
SELECT e.dept_id, COUNT(*) FROM emp e JOIN proj p ON e.emp_id = p.emp_id GROUP BY e.dept_id HAVING COUNT(*) > 5;
SELECT COUNT(*), SUM(a.salary - b.salary) FROM emp a JOIN emp b ON a.dept_id = b.dept_id;
SELECT COUNT(*) FROM emp, dept;
SELECT a.dept_id, b.dept_id FROM dept a LEFT JOIN dept b ON a.dept_id = b.dept_id + 1 OR a.floor_no = b.floor_no;
SELECT a.k, b.k FROM nums a LEFT JOIN nums b ON a.i = b.j OR a.j = b.i WHERE a.k < 20;
SELECT e.emp_id, d.dept_id FROM emp e JOIN dept d ON e.dept_id = d.dept_id OR (e.dept_id IS NULL AND d.dept_id IS NULL);
SELECT e.emp_id, d.dept_id FROM emp e JOIN dept d ON e.dept_id IS NOT DISTINCT FROM d.dept_id;
SELECT e.emp_id, d.dname FROM emp e NATURAL JOIN dept d;
SELECT e.emp_id, d.dept_id FROM emp e RIGHT JOIN dept d ON e.dept_id = d.dept_id AND d.remote;
SELECT e.emp_id, d.dept_id FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id AND e.salary > 9000;
SELECT e.emp_id, d.dept_id FROM emp e FULL JOIN dept d ON e.dept_id = d.dept_id AND e.active AND d.region = 'west';
--h2: SELECT e.emp_id, d.dept_id FROM emp e LEFT JOIN dept d ON e.dept_id = d.dept_id AND e.active AND d.region = 'west'
--h2: UNION ALL SELECT NULL, d.dept_id FROM dept d WHERE NOT EXISTS (SELECT 1 FROM emp e WHERE e.dept_id = d.dept_id AND e.active AND d.region = 'west');
SELECT a.k, b.k FROM nums a JOIN nums b ON CAST(a.i AS DOUBLE) = b.y AND a.k < 50;
SELECT a.k, b.k FROM nums a LEFT JOIN nums b ON a.s = UPPER(b.t) AND b.k < 100 WHERE a.k < 100;
