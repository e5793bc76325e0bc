CREATE TABLE warehouses (id smallint PRIMARY KEY, name varchar(20) NOT NULL);
CREATE TABLE bins (id integer PRIMARY KEY, warehouse_id smallint NOT NULL REFERENCES warehouses, capacity real, label char(4));
INSERT INTO warehouses VALUES (1, 'North'), (2, 'South');
INSERT INTO bins VALUES (1, 1, 10.5, 'A1'), (2, 2, 99, 'B2');
