CREATE TABLE "café" (id integer PRIMARY KEY, "crème" text);
INSERT INTO "café" VALUES (1, 'brûlée');
