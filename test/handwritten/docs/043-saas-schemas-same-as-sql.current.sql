CREATE SCHEMA core;
CREATE SCHEMA billing;
CREATE TYPE core.role AS ENUM ('owner', 'admin', 'member');
CREATE TYPE billing."interval" AS ENUM ('month', 'year');
CREATE TABLE core.orgs (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    slug TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
CREATE UNIQUE INDEX orgs_lower_idx ON core.orgs (LOWER(slug));
CREATE TABLE core.members (
    org_id UUID REFERENCES core.orgs ON DELETE CASCADE,
    user_email TEXT,
    role core.role NOT NULL DEFAULT 'member',
    PRIMARY KEY (org_id, user_email)
);
CREATE TABLE billing.subscriptions (
    id SERIAL PRIMARY KEY,
    org_id UUID NOT NULL UNIQUE REFERENCES core.orgs (id),
    every billing."interval" NOT NULL DEFAULT 'month',
    seats SMALLINT NOT NULL DEFAULT 1 CHECK (seats BETWEEN 1 AND 1000),
    valid_until DATE
);
INSERT INTO core.orgs (id, slug) VALUES ('8d3c1f4e-0000-4000-8000-000000000001', 'Acme'), ('8d3c1f4e-0000-4000-8000-000000000002', 'globex');
INSERT INTO core.members VALUES ('8d3c1f4e-0000-4000-8000-000000000001', 'a@acme.test', 'owner');
INSERT INTO billing.subscriptions (org_id, every, seats) VALUES ('8d3c1f4e-0000-4000-8000-000000000001', 'year', 5);
