CREATE SCHEMA "weird schema";
CREATE TABLE "weird schema"."Tab""le" ("Col 1" integer PRIMARY KEY, "select" text);
COMMENT ON TABLE "weird schema"."Tab""le" IS 'table''s comment';
COMMENT ON COLUMN "weird schema"."Tab""le"."select" IS 'keyword column';
