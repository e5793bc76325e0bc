-- Generated columns, virtual and stored, with strings and functions.
CREATE TABLE people (
  id INT PRIMARY KEY,
  first_name VARCHAR(50) NOT NULL,
  last_name VARCHAR(50) NOT NULL,
  full_name VARCHAR(101) AS (CONCAT(first_name, ' ', last_name)) VIRTUAL,
  initials CHAR(2) GENERATED ALWAYS AS (concat(left(first_name,1),left(last_name,1))) STORED COMMENT 'two letters',
  quoted VARCHAR(60) AS (concat(first_name, 'it''s')) PERSISTENT,
  price DECIMAL(8,2) NOT NULL DEFAULT 0,
  qty INT NOT NULL DEFAULT 1,
  total DECIMAL(12,2) AS (price * qty) STORED,
  KEY people_total (total)
);
