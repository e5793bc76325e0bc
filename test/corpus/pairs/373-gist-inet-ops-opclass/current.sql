CREATE TABLE hosts (id integer PRIMARY KEY, addr inet NOT NULL, net cidr);
CREATE INDEX hosts_addr_idx ON hosts (addr);
INSERT INTO hosts VALUES (1, '10.0.0.1', '10.0.0.0/8');
