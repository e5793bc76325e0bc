CREATE TABLE plain (id integer PRIMARY KEY);
CREATE TABLE "Mixed Case Table" (
    "Id" integer PRIMARY KEY,
    "Full Name" text NOT NULL,
    "e-mail address" varchar(100),
    "a""quote" text DEFAULT 'say "hi"',
    "semi;colon" integer,
    "tab	char" text
);
CREATE UNIQUE INDEX "Mixed Case Table_e-mail idx" ON "Mixed Case Table" ("e-mail address");
CREATE TABLE "child;--" (
    id integer PRIMARY KEY,
    "parent ID" integer REFERENCES "Mixed Case Table" ("Id") ON DELETE CASCADE,
    CONSTRAINT "weird ""constraint"" name" UNIQUE ("parent ID")
);
