CREATE TABLE accounts (id integer PRIMARY KEY, balance integer NOT NULL DEFAULT 0, limit_cents bigint);
INSERT INTO accounts VALUES (1, 100, 5000), (2, -20, NULL);
