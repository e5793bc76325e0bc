CREATE TABLE "Odd Table" ("Mixed Case" text, "sp ace" integer, "quote""d" text);
INSERT INTO "Odd Table" VALUES ('A', 1, 'q');
