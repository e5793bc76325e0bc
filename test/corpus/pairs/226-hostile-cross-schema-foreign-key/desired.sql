CREATE SCHEMA "a.b";
CREATE SCHEMA "c d";
CREATE TABLE "a.b"."t.1" ("k.1" integer PRIMARY KEY);
CREATE TABLE "c d"."t 2" (id integer PRIMARY KEY, "ref k" integer CONSTRAINT "fk a.b/t.1" REFERENCES "a.b"."t.1" ("k.1") ON DELETE SET NULL);
