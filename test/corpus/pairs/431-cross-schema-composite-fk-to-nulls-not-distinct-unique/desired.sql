CREATE SCHEMA inv;
CREATE TABLE inv.skus (id integer PRIMARY KEY, vendor text, code text, CONSTRAINT skus_vendor_code_key UNIQUE NULLS NOT DISTINCT (vendor, code));
CREATE TABLE lines (id integer PRIMARY KEY, vendor text, code text,
  CONSTRAINT lines_sku_fkey FOREIGN KEY (vendor, code) REFERENCES inv.skus (vendor, code) ON DELETE SET NULL ON UPDATE CASCADE);
