CREATE TABLE m (id integer PRIMARY KEY, qty integer, price integer);
COMMENT ON COLUMN m.qty IS 'how many';
COMMENT ON COLUMN m.price IS 'cents';
INSERT INTO m VALUES (1, 2, 300);
