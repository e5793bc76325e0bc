CREATE TABLE "t t" ("a""b" TEXT, "c d" INTEGER);
INSERT INTO "t t" VALUES ('x', 1);
