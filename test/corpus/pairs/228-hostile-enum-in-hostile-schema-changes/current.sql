CREATE SCHEMA "Ops; Team";
CREATE TYPE "Ops; Team"."State ""x""" AS ENUM ('up', 'down');
CREATE TABLE "Ops; Team"."Hosts" (name text PRIMARY KEY, state "Ops; Team"."State ""x""" NOT NULL DEFAULT 'up');
INSERT INTO "Ops; Team"."Hosts" VALUES ('db1', 'down'), ('db2', DEFAULT);
