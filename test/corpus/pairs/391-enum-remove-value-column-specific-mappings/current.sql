CREATE TYPE level AS ENUM ('low', 'mid', 'high');
CREATE TABLE alerts (id integer PRIMARY KEY, level level NOT NULL);
CREATE TABLE limits (id integer PRIMARY KEY, floor level, ceiling level);
INSERT INTO alerts VALUES (1, 'mid'), (2, 'high');
INSERT INTO limits VALUES (1, 'mid', 'mid');
