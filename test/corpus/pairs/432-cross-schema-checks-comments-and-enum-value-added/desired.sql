CREATE SCHEMA types;
CREATE SCHEMA app;
CREATE TYPE types.tier AS ENUM ('free', 'pro', 'enterprise');
CREATE TABLE app.plans (id integer PRIMARY KEY, tier types.tier NOT NULL, seats integer NOT NULL DEFAULT 1,
  CONSTRAINT plans_seats_check CHECK (tier = 'enterprise' OR seats <= 10));
COMMENT ON TABLE app.plans IS 'billing plans';
COMMENT ON COLUMN app.plans.tier IS 'types.tier';
