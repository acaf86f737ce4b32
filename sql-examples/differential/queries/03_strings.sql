-- String functions: UPPER, LOWER, SUBSTRING, TRIM, CHAR_LENGTH, POSITION, REPLACE, ||, padding, comparisons.

SELECT k, s, UPPER(s), LOWER(s), CHAR_LENGTH(s), CHARACTER_LENGTH(t) FROM nums;
SELECT k, SUBSTRING(s FROM 2), SUBSTRING(s FROM 2 FOR 3), SUBSTRING(s FROM 1 FOR 1), SUBSTRING(t FROM 4 FOR 20) FROM nums;
SELECT k, SUBSTRING(s, 3), SUBSTRING(s, 2, 2) FROM nums;
SELECT k, TRIM(s), TRIM(BOTH ' ' FROM s), TRIM(LEADING ' ' FROM s), TRIM(TRAILING ' ' FROM s) FROM nums;
SELECT k, LTRIM(s), RTRIM(s), CHAR_LENGTH(TRIM(s)), TRIM(BOTH 'a' FROM s), TRIM(LEADING 'A' FROM t) FROM nums;
SELECT k, POSITION('a' IN s), POSITION('an' IN s), POSITION(' ' IN t), POSITION('zz' IN s) FROM nums;
SELECT k, REPLACE(s, 'a', 'A'), REPLACE(s, ' ', ''), REPLACE(t, 'an', '#'), REPLACE(s, 'e', '') FROM nums;
SELECT k, s || '-' || t, s || '', 'x' || s || 'y', CAST(k AS VARCHAR(5)) || ':' || s FROM nums;
SELECT emp_id, name || ' (' || CAST(emp_id AS VARCHAR(11)) || ')', UPPER(TRIM(name)) || '/' || LOWER(name) FROM emp;
SELECT k, LPAD(s, 8, '*'), RPAD(s, 8, '.'), LPAD(t, 3, '0'), RPAD(CAST(k AS VARCHAR(5)), 5, '_') FROM nums;
SELECT k, s FROM nums WHERE UPPER(s) = 'ABC';
SELECT k, s FROM nums WHERE CHAR_LENGTH(TRIM(s)) > 4 AND LOWER(s) <> s;
SELECT LOWER(s), COUNT(*), COUNT(t) FROM nums GROUP BY LOWER(s);
SELECT UPPER(TRIM(name)), COUNT(*) FROM emp GROUP BY UPPER(TRIM(name));
SELECT k, s, t FROM nums WHERE s = t;
SELECT k, s, t FROM nums WHERE s > t AND s LIKE '%a%';
SELECT k, UPPER(SUBSTRING(s FROM 1 FOR 1)) || LOWER(SUBSTRING(s FROM 2)) FROM nums;
SELECT k, CHAR_LENGTH(s || t), CHAR_LENGTH(REPLACE(s, 'a', '')), POSITION('e' IN UPPER(s)) FROM nums;
SELECT emp_id, name, CHAR_LENGTH(name), TRIM(name) = name FROM emp WHERE dept_id = 3;
SELECT code, SUBSTRING(code FROM 1 FOR 2), SUBSTRING(code FROM 4), UPPER(code) = code FROM proj;
SELECT SUBSTRING(code FROM 1 FOR 2), COUNT(*), SUM(hours_spent) FROM proj GROUP BY SUBSTRING(code FROM 1 FOR 2);
SELECT k, REPEAT(s, 2), REPEAT('ab', j) FROM nums;
SELECT dname, LOWER(dname), REPLACE(dname, 'Dept ', ''), CHAR_LENGTH(dname) FROM dept;
SELECT k, TRIM(BOTH 'ab' FROM s), SUBSTRING(s FROM 0 FOR 3), SUBSTRING(s FROM -1 FOR 3) FROM nums;
