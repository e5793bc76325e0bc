-- Checks: named, unnamed (CONSTRAINT_<n>), column-level (named after the
-- column), strings with quotes, and MariaDB's JSON alias (a LONGTEXT with
-- a json_valid check, read back as json).
CREATE TABLE orders (
  id INT PRIMARY KEY,
  qty INT NOT NULL CHECK (qty > 0),
  price DECIMAL(8,2),
  status VARCHAR(20) NOT NULL DEFAULT 'new',
  note VARCHAR(50),
  meta JSON,
  CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid', 'it''s done')),
  CONSTRAINT orders_price_check CHECK ((price >= 0 AND price < 1000000) OR price IS NULL),
  CHECK (note <> 'x\'y' AND NOT (qty BETWEEN 100 AND 200)),
  CHECK (length(note) < 40)
);
