-- Reads the demo table every fresh server starts with.
SELECT order_id, UPPER(customer) AS customer, quantity * price AS total
FROM orders
WHERE product = 'widget' AND quantity >= 5
ORDER BY total DESC
