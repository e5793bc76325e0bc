CREATE TABLE permissions (id integer PRIMARY KEY, mask bit(8) NOT NULL, extra varbit(16));
