CREATE TABLE warehouses (region char(2), code smallint, name text, PRIMARY KEY (region, code));
CREATE TABLE shipments (id integer PRIMARY KEY, wh_region char(2), wh_code smallint,
    FOREIGN KEY (wh_region, wh_code) REFERENCES warehouses (region, code) ON DELETE SET NULL ON UPDATE CASCADE);
