CREATE TABLE plans (id serial PRIMARY KEY, seats integer NOT NULL DEFAULT 5, currency char(3) DEFAULT 'EUR', trial_days smallint DEFAULT 30);
