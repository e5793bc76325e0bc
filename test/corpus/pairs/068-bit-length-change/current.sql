CREATE TABLE permissions (id integer PRIMARY KEY, mask bit(4) NOT NULL, extra varbit(4));
INSERT INTO permissions VALUES (1, '1010', '1'), (2, '0001', NULL);
