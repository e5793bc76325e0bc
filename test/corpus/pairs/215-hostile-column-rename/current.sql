CREATE TABLE "People" ("ID" integer PRIMARY KEY, "User Name" text NOT NULL, "x'y" integer);
INSERT INTO "People" VALUES (1, 'ann', 1), (2, 'bo', 2);
