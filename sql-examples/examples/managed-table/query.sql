-- A table without WITH options is managed by Weir: its rows live in the server's embedded database.
CREATE TABLE IF NOT EXISTS big_orders (customer STRING, total DECIMAL(12, 2));

INSERT INTO big_orders
SELECT customer, SUM(quantity * price) FROM orders GROUP BY customer HAVING SUM(quantity * price) > 40;

SELECT customer, total FROM big_orders ORDER BY total DESC
