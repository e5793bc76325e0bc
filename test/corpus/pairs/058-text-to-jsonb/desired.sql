CREATE TABLE webhooks (id integer PRIMARY KEY, payload jsonb NOT NULL, headers jsonb);
