CREATE TABLE subscriptions (id integer PRIMARY KEY, active boolean NOT NULL, trial boolean);
