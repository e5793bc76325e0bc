CREATE SCHEMA "Tenant Data";
CREATE TYPE "Tenant Data"."Mood; DROP TYPE x" AS ENUM ('it''s ok', 'so "so"', 'bad; --');

CREATE TABLE "Tenant Data"."User Accounts" (
    "ID" serial PRIMARY KEY,
    "e-mail" text NOT NULL,
    "select" integer DEFAULT 1,
    "Robert'); DROP TABLE students;--" text DEFAULT 'x''); DROP TABLE y;--',
    "mood" "Tenant Data"."Mood; DROP TYPE x" DEFAULT 'it''s ok',
    CONSTRAINT "unique e-mail" UNIQUE ("e-mail")
);

CREATE TABLE public."order" (
    "from" integer NOT NULL REFERENCES "Tenant Data"."User Accounts" ("ID") ON DELETE CASCADE,
    "to" integer NOT NULL,
    "group by" text,
    PRIMARY KEY ("from", "to")
);
CREATE INDEX "idx ""quoted"" name" ON public."order" ("group by") WHERE "group by" <> 'a''b';
