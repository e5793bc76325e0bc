CREATE TABLE "t t" ("a""b" TEXT, "c d" INTEGER);
CREATE INDEX "i ""1""" ON "t t" ("c d" DESC, "a""b" COLLATE NOCASE) WHERE "c d" > 0;
