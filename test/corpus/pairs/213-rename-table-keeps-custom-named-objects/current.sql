CREATE TABLE tmp_orders (id integer CONSTRAINT pk_order PRIMARY KEY, ref text CONSTRAINT uq_order_ref UNIQUE);
CREATE INDEX ix_order_ref ON tmp_orders (ref);
INSERT INTO tmp_orders VALUES (1, 'R1');
