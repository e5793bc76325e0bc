CREATE SCHEMA "Ops; Team";
CREATE TYPE "Ops; Team"."State ""x""" AS ENUM ('up', 'degraded''s', 'down');
CREATE TABLE "Ops; Team"."Hosts" (name text PRIMARY KEY, state "Ops; Team"."State ""x""" NOT NULL DEFAULT 'up', states "Ops; Team"."State ""x"""[] DEFAULT '{up,down}');
