CREATE TABLE "select" ("from" INTEGER PRIMARY KEY, "a b" TEXT, "q""uote" TEXT);
INSERT INTO "select" VALUES (1, 'x', 'y');
