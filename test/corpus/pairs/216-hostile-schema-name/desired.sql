CREATE SCHEMA "My ""App"" Data";
CREATE TYPE "My ""App"" Data"."Level" AS ENUM ('low', 'high');
CREATE TABLE public.users (id integer PRIMARY KEY);
CREATE TABLE "My ""App"" Data"."Audit Trail" (
    id bigserial PRIMARY KEY,
    user_id integer NOT NULL REFERENCES public.users (id),
    level "My ""App"" Data"."Level" NOT NULL DEFAULT 'low',
    note text
);
CREATE INDEX "by level" ON "My ""App"" Data"."Audit Trail" (level) WHERE level = 'high';
