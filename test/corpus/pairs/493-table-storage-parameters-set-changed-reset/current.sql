CREATE TABLE a (id integer PRIMARY KEY, body text) WITH (fillfactor = 70, autovacuum_enabled = off);
CREATE TABLE b (id integer PRIMARY KEY, body text) WITH (toast.autovacuum_enabled = false, parallel_workers = 4);
CREATE TABLE c (id integer PRIMARY KEY, body text);
INSERT INTO a VALUES (1, 'x');
INSERT INTO b VALUES (1, repeat('y', 3000));
INSERT INTO c VALUES (1, 'z');
