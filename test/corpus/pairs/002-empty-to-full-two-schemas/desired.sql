CREATE SCHEMA app;
CREATE SCHEMA billing;

CREATE TYPE app.plan AS ENUM ('free', 'pro', 'enterprise');
CREATE TYPE billing.invoice_state AS ENUM ('draft', 'open', 'paid', 'void');

CREATE TABLE app.accounts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    slug varchar(40) NOT NULL UNIQUE,
    plan app.plan NOT NULL DEFAULT 'free',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app.members (
    account_id uuid NOT NULL REFERENCES app.accounts (id) ON DELETE CASCADE,
    email text NOT NULL,
    role varchar(20) NOT NULL DEFAULT 'member',
    PRIMARY KEY (account_id, email)
);

CREATE TABLE billing.invoices (
    id bigserial PRIMARY KEY,
    account_id uuid NOT NULL REFERENCES app.accounts (id) ON DELETE RESTRICT,
    state billing.invoice_state NOT NULL DEFAULT 'draft',
    amount_cents bigint NOT NULL,
    issued_on date
);
CREATE INDEX invoices_account_state_idx ON billing.invoices (account_id, state);

CREATE TABLE public.settings (
    key text PRIMARY KEY,
    value jsonb NOT NULL DEFAULT '{}'::jsonb
);
