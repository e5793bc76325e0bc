CREATE TABLE "People" ("ID" integer PRIMARY KEY, "user name; DROP TABLE ""People"";--" text NOT NULL, "x'y" integer);
