-- Revenue per customer, with a FILTER clause and HAVING.
SELECT customer,
       COUNT(*) AS orders,
       SUM(quantity * price) AS revenue,
       COUNT(*) FILTER (WHERE product = 'widget') AS widget_orders
FROM orders
GROUP BY customer
HAVING SUM(quantity * price) > 20
ORDER BY revenue DESC, customer
