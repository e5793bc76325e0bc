CREATE TABLE warehouses (region char(2), code smallint, name text, PRIMARY KEY (region, code));
CREATE TABLE shipments (id integer PRIMARY KEY, wh_region char(2), wh_code smallint);
INSERT INTO warehouses VALUES ('eu', 1, 'Rotterdam'), ('us', 1, 'Newark');
INSERT INTO shipments VALUES (1, 'eu', 1), (2, 'us', 1), (3, NULL, NULL);
