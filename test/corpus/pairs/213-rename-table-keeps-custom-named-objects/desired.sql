CREATE TABLE orders (id integer CONSTRAINT pk_order PRIMARY KEY, ref text CONSTRAINT uq_order_ref UNIQUE);
CREATE INDEX ix_order_ref ON orders (ref);
