CREATE TABLE "UserAccounts" (
    "Id" SERIAL PRIMARY KEY,
    "userName" VARCHAR(64) NOT NULL UNIQUE,
    "EMail" TEXT CHECK ("EMail" LIKE '%@%'),
    "createdAt" TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
INSERT INTO "UserAccounts" ("userName", "EMail") VALUES ('anna', 'anna@example.org'), ('bert', NULL);
