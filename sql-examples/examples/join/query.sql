-- A VALUES view of products joined to the demo orders; products nobody ordered still show (LEFT JOIN).
CREATE OR REPLACE VIEW products (name, category) AS
  VALUES ('widget', 'tools'), ('gadget', 'electronics'), ('gizmo', 'tools'), ('sprocket', 'parts');

SELECT p.category, p.name, COUNT(o.order_id) AS orders, COALESCE(SUM(o.quantity), 0) AS units
FROM products AS p
LEFT JOIN orders AS o ON o.product = p.name
GROUP BY p.category, p.name
ORDER BY p.category, p.name
