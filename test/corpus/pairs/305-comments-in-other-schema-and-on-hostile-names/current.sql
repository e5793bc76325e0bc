CREATE SCHEMA "weird schema";
CREATE TABLE "weird schema"."Tab""le" ("Col 1" integer PRIMARY KEY, "select" text);
