CREATE TABLE "old; name" (id serial PRIMARY KEY, "v" text UNIQUE);
INSERT INTO "old; name" (v) VALUES ('a'), ('b');
