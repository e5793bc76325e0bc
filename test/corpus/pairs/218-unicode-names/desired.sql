CREATE TYPE "humeur" AS ENUM ('😀', 'ça va', 'très bien');
CREATE TABLE "café" (id integer PRIMARY KEY, "crème" text, "prix €" numeric(6,2) DEFAULT 2.50, "état" "humeur" DEFAULT 'ça va');
CREATE TABLE "注文" ("番号" serial PRIMARY KEY, "café_id" integer REFERENCES "café" (id), "🎉" boolean DEFAULT true);
CREATE INDEX "索引 🎉" ON "注文" ("café_id");
