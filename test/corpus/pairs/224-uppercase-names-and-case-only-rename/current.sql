CREATE TABLE "Users" ("Id" integer PRIMARY KEY, "FirstName" text, "Email" varchar(50), "AGE" smallint);
CREATE TABLE users ("id" integer PRIMARY KEY, note text);
INSERT INTO "Users" VALUES (1, 'Ada', 'ada@x.test', 36), (2, 'Bo', 'bo@x.test', 20);
INSERT INTO users VALUES (1, 'lowercase twin');
