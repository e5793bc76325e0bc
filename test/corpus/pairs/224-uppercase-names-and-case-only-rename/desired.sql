CREATE TABLE "Users" ("Id" integer PRIMARY KEY, "firstName" text, "Email" varchar(100) NOT NULL UNIQUE, "AGE" integer);
CREATE TABLE users ("id" integer PRIMARY KEY, note text, "Note" text);
