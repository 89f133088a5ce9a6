-- Quiver demo: load two CSV files, build a view over them and ask a few questions.
-- Run it from the repository root (the file paths below are relative to it):
--   bin/quiver -f examples/demo.sql
-- or in another output format:
--   bin/quiver --format csv -f examples/demo.sql

-- Load the files into in-memory tables. read_csv reads the header line and infers the column
-- types (BIGINT, DOUBLE, DATE, VARCHAR, ...); amounts are money, so they become exact decimals.
CREATE TABLE customers AS SELECT * FROM read_csv('examples/data/customers.csv');
CREATE TABLE orders AS
SELECT order_id, customer_id, order_date, status, quantity,
       CAST(amount AS DECIMAL(10, 2)) AS amount
FROM read_csv('examples/data/orders.csv');

-- One row per order with the customer's details: a join, kept as a view.
CREATE VIEW order_details AS
SELECT o.order_id, o.order_date, o.status, o.quantity, o.amount,
       c.customer_id, c.name, c.city, c.country
FROM orders AS o
JOIN customers AS c ON c.customer_id = o.customer_id;

-- What was loaded.
SELECT 'customers' AS source, COUNT(*) AS row_count FROM customers
UNION ALL
SELECT 'orders', COUNT(*) FROM orders;

-- Revenue per country, without cancelled orders (SUM skips the order whose amount is NULL).
SELECT country,
       COUNT(*) AS orders,
       SUM(quantity) AS items,
       SUM(amount) AS revenue
FROM order_details
WHERE status <> 'cancelled'
GROUP BY country
ORDER BY revenue DESC, country;

-- Every customer with what they spent: one has no city (NULL), one has no orders yet.
SELECT c.name, c.city, COUNT(o.order_id) AS orders, SUM(o.amount) AS spent
FROM customers AS c
LEFT JOIN orders AS o ON o.customer_id = c.customer_id
GROUP BY c.name, c.city
ORDER BY spent DESC NULLS LAST, c.name;

-- Orders per status, and how many of them have an amount.
SELECT status, COUNT(*) AS orders, COUNT(amount) AS with_amount
FROM orders
GROUP BY status
ORDER BY orders DESC, status;

-- Two customers' orders over time with a running total (a window function).
SELECT name, order_id, order_date, amount,
       SUM(amount) OVER (PARTITION BY customer_id ORDER BY order_date, order_id) AS running_total
FROM order_details
WHERE customer_id IN (3, 4)
ORDER BY name, order_date, order_id;
