CREATE TABLE warehouses (id integer PRIMARY KEY, name varchar(80) NOT NULL);
CREATE TABLE bins (id bigint PRIMARY KEY, warehouse_id integer NOT NULL REFERENCES warehouses, capacity numeric(8,2), label varchar(10));
