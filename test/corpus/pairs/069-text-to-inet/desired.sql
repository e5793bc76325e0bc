CREATE TABLE devices (id integer PRIMARY KEY, ip inet, subnet cidr);
