CREATE TABLE plans (id serial PRIMARY KEY, seats integer NOT NULL DEFAULT 1, currency char(3) DEFAULT 'USD', trial_days smallint DEFAULT 14);
INSERT INTO plans DEFAULT VALUES;
