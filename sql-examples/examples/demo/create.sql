-- The demo table every fresh Weir data dir starts with (rows in orders.csv).
CREATE TABLE orders (
  order_id BIGINT NOT NULL,
  customer STRING,
  product STRING,
  quantity INT,
  price DECIMAL(10, 2),
  order_time TIMESTAMP(3),
  PRIMARY KEY (order_id) NOT ENFORCED
) COMMENT 'Demo orders, seeded on a fresh data dir'
