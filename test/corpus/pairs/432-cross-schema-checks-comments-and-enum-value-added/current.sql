CREATE SCHEMA types;
CREATE SCHEMA app;
CREATE TYPE types.tier AS ENUM ('free', 'pro');
CREATE TABLE app.plans (id integer PRIMARY KEY, tier types.tier NOT NULL);
INSERT INTO app.plans VALUES (1, 'pro');
