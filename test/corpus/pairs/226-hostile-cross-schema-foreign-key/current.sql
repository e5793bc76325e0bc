CREATE SCHEMA "a.b";
CREATE SCHEMA "c d";
CREATE TABLE "a.b"."t.1" ("k.1" integer PRIMARY KEY);
CREATE TABLE "c d"."t 2" (id integer PRIMARY KEY, "ref k" integer);
INSERT INTO "a.b"."t.1" VALUES (1), (2);
INSERT INTO "c d"."t 2" VALUES (1, 2);
