CREATE TABLE m (id integer PRIMARY KEY, quantity bigint, price numeric(12,2));
COMMENT ON COLUMN m.quantity IS 'how many (bigint)';
COMMENT ON COLUMN m.price IS 'cents';
