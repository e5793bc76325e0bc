CREATE TABLE hosts (id integer PRIMARY KEY, addr inet NOT NULL, net cidr);
CREATE INDEX hosts_addr_idx ON hosts USING gist (addr inet_ops);
CREATE INDEX hosts_net_idx ON hosts USING spgist (net);
