CREATE TYPE weekday AS ENUM ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
CREATE TABLE shops (id serial PRIMARY KEY, name text NOT NULL, open_days weekday[] NOT NULL DEFAULT '{mon,tue,wed,thu,fri}', holidays weekday[]);
