CREATE TABLE api_keys (id uuid PRIMARY KEY, owner text NOT NULL);
