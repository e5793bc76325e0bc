CREATE TABLE warehouses (code character varying(8) PRIMARY KEY, city text NOT NULL);
CREATE TABLE stock_levels (
	warehouse varchar(8) REFERENCES warehouses ON UPDATE CASCADE,
	sku varchar(32),
	on_hand integer DEFAULT 0 NOT NULL CHECK (on_hand >= 0),
	reserved integer DEFAULT 0 NOT NULL,
	available integer GENERATED ALWAYS AS (on_hand - reserved) STORED,
	unit_cost numeric(10, 4),
	value numeric GENERATED ALWAYS AS (on_hand * unit_cost) STORED,
	PRIMARY KEY (warehouse, sku),
	CHECK (reserved >= 0 AND reserved <= on_hand)
);
CREATE INDEX ON stock_levels (sku);
INSERT INTO warehouses VALUES ('PAR1', 'Paris'), ('LYS1', 'Lyon');
INSERT INTO stock_levels (warehouse, sku, on_hand, reserved, unit_cost) VALUES ('PAR1', 'X', 10, 2, 1.25), ('LYS1', 'X', 0, 0, NULL);
