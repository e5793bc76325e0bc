CREATE TABLE "Odd Table" ("Mixed Case" text, "sp ace" integer, "quote""d" text);
CREATE INDEX "idx ""odd"" one" ON "Odd Table" (lower("Mixed Case") DESC NULLS LAST, ("sp ace" + 1)) INCLUDE ("quote""d")
  WHERE "quote""d" <> 'it''s; DROP TABLE x';
