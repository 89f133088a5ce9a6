-- Quiver demo: load two CSV files, build a view over them and ask a few questions.
-- Run it from the repository root (the paths below are relative to it):
--   bin/quiver -f examples/demo.sql
-- or with another output format:
--   bin/quiver --format csv -f examples/demo.sql

-- Load the files into in-memory tables (read_csv reads the header line and infers the types).
CREATE TABLE customers AS SELECT * FROM read_csv('examples/data/customers.csv');
CREATE TABLE orders AS SELECT * FROM read_csv('examples/data/orders.csv');

-- One row per order with the customer's details (a join, kept as a view).
CREATE VIEW order_details AS
SELECT o.order_id, o.order_date, o.status, o.quantity, o.amount,
       c.customer_id, c.name, c.city, c.country
FROM orders AS o
JOIN customers AS c ON c.customer_id = o.customer_id;

-- What came in: rows per table.
SELECT 'customers' AS source, COUNT(*) AS row_count FROM customers
UNION ALL
SELECT 'orders', COUNT(*) FROM orders;

-- Revenue per country, cancelled orders left out (SUM skips the order whose amount is NULL).
SELECT country,
       COUNT(*) AS orders,
       SUM(quantity) AS items,
       SUM(amount) AS revenue
FROM order_details
WHERE status <> 'cancelled'
GROUP BY country
ORDER BY revenue DESC, country;

-- The five best customers, and the city field that is NULL for one of them.
SELECT name, city, COUNT(*) AS orders, SUM(amount) AS spent
FROM order_details
GROUP BY name, city
ORDER BY spent DESC, name
LIMIT 5;

-- Each customer's running total over time (a window function).
SELECT name, order_id, order_date, amount,
       SUM(amount) OVER (PARTITION BY customer_id ORDER BY order_date, order_id) AS running_total
FROM order_details
WHERE customer_id IN (3, 4)
ORDER BY name, order_date, order_id;

-- Orders per status.
SELECT status, COUNT(*) AS orders, COUNT(amount) AS with_amount
FROM orders
GROUP BY status
ORDER BY orders DESC, status;
