CREATE TABLE "user" (id integer PRIMARY KEY, "select" text, "from" date);
CREATE TABLE "order" ("group" integer PRIMARY KEY, "user" integer REFERENCES "user" (id), "desc" text);
INSERT INTO "user" VALUES (1, 'a', '2024-01-01'), (2, 'b', NULL);
INSERT INTO "order" VALUES (1, 1, 'x'), (2, 2, NULL);
