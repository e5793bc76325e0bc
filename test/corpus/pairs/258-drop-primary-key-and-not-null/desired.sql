CREATE TABLE staging (id integer, payload text);
