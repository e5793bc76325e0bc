CREATE TYPE role AS ENUM ('user', 'admin');
CREATE TABLE accounts (id integer PRIMARY KEY, login text COLLATE "C" NOT NULL, role role NOT NULL DEFAULT 'user',
  CONSTRAINT admins_have_low_ids CHECK (role <> 'admin' OR id < 100));
CREATE INDEX accounts_admin_idx ON accounts (login) WHERE role = 'admin';
COMMENT ON COLUMN accounts.role IS 'root was merged into admin';
