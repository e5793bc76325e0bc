CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE alerts (id integer PRIMARY KEY, level level NOT NULL);
CREATE TABLE limits (id integer PRIMARY KEY, floor level, ceiling level);
