CREATE TABLE devices (id integer PRIMARY KEY, ip text, subnet text);
INSERT INTO devices VALUES (1, '192.168.1.10', '192.168.1.0/24'), (2, '::1', '10.0.0.0/8');
