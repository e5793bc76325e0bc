CREATE SCHEMA auth;
CREATE TYPE auth.factor AS ENUM ('totp', 'webauthn', 'sms');
CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE, name text);
CREATE TABLE documents (id serial PRIMARY KEY, owner_id uuid REFERENCES users, title text);
CREATE TABLE auth.sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL,
    ip inet
);
CREATE TABLE auth.factors (
    user_id uuid NOT NULL REFERENCES public.users (id) ON DELETE CASCADE,
    kind auth.factor NOT NULL,
    secret bytea NOT NULL,
    PRIMARY KEY (user_id, kind)
);
CREATE INDEX sessions_user_id_idx ON auth.sessions USING hash (user_id);
