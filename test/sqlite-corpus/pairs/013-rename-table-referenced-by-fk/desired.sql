CREATE TABLE members (id INTEGER, name TEXT, CONSTRAINT accounts_pkey PRIMARY KEY (id));
CREATE TABLE posts (id INTEGER PRIMARY KEY, account_id INTEGER, CONSTRAINT posts_account_id_fkey FOREIGN KEY (account_id) REFERENCES members (id) ON DELETE CASCADE);
