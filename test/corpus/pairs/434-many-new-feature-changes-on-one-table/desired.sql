CREATE TABLE orders (id integer GENERATED ALWAYS AS IDENTITY (CACHE 10) PRIMARY KEY, code varchar(20) COLLATE "C" NOT NULL,
  qty integer NOT NULL CHECK (qty > 0), price numeric(10,2) NOT NULL,
  total numeric GENERATED ALWAYS AS (qty * price) STORED, note text, customer text COLLATE "und-x-icu",
  CONSTRAINT orders_code_format CHECK (code ~ '^[A-Za-z]-[0-9]+$'));
ALTER TABLE orders ADD CONSTRAINT orders_note_short CHECK (length(note) < 3) NOT VALID;
CREATE INDEX orders_code_idx ON orders (code text_pattern_ops);
CREATE INDEX orders_customer_lower_idx ON orders (lower(customer)) INCLUDE (total);
CREATE UNIQUE INDEX orders_code_upper_key ON orders (upper(code)) NULLS NOT DISTINCT;
COMMENT ON TABLE orders IS 'orders';
COMMENT ON COLUMN orders.total IS 'qty * price';
