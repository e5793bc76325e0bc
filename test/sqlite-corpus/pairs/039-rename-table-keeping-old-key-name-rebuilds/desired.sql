CREATE TABLE members (id INTEGER, name TEXT NOT NULL, CONSTRAINT accounts_pkey PRIMARY KEY (id), CONSTRAINT accounts_name_key UNIQUE (name), CONSTRAINT accounts_name_check CHECK (name <> ''));
CREATE TABLE posts (id INTEGER PRIMARY KEY, account_id INTEGER REFERENCES members (id) ON DELETE CASCADE);
