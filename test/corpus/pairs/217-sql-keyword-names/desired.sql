CREATE TYPE "type" AS ENUM ('table', 'column', 'null');
CREATE TABLE "user" (id integer PRIMARY KEY, "select" text NOT NULL, "from" timestamp, "limit" integer DEFAULT 10, "type" "type" DEFAULT 'null');
CREATE TABLE "order" ("group" integer PRIMARY KEY, "user" integer REFERENCES "user" (id) ON DELETE CASCADE, "desc" varchar(50), "where" boolean);
CREATE INDEX "index" ON "order" ("user", "desc");
CREATE TABLE "table" ("primary" integer PRIMARY KEY, "check" text UNIQUE, "default" text DEFAULT 'default', "constraint" integer REFERENCES "order" ("group"));
