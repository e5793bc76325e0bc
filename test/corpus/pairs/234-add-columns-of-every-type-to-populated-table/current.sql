CREATE TYPE level AS ENUM ('low', 'mid', 'high');
CREATE TABLE widgets (id integer PRIMARY KEY, name text NOT NULL);
INSERT INTO widgets VALUES (1, 'w1'), (2, 'w2'), (3, 'w3');
