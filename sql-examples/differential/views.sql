-- Views created in both databases before the queries run (CREATE VIEW goes to Weir over HTTP).
CREATE VIEW active_emp AS
SELECT emp_id, dept_id, name, salary, bonus FROM emp WHERE active;

CREATE VIEW dept_payroll AS
SELECT dept_id, COUNT(*) AS headcount, SUM(salary) AS payroll, MAX(hired) AS last_hired
FROM emp GROUP BY dept_id;

CREATE VIEW emp_dept AS
SELECT e.emp_id, e.name, e.salary, d.dept_id, d.dname, d.region
FROM emp e JOIN dept d ON e.dept_id = d.dept_id;

CREATE VIEW dept_summary (dept_id, dept_name, headcount, payroll) AS
SELECT d.dept_id, d.dname, p.headcount, p.payroll FROM dept d LEFT JOIN dept_payroll p ON p.dept_id = d.dept_id;

CREATE VIEW all_dept_ids AS
SELECT dept_id, 'emp' AS origin FROM emp UNION ALL SELECT dept_id, 'proj' FROM proj;
