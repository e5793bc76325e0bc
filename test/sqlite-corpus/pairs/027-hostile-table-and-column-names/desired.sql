CREATE TABLE "select" ("from" INTEGER PRIMARY KEY, "a b" TEXT NOT NULL DEFAULT '', "q""uote" TEXT, "ünï" TEXT);
CREATE TABLE "order by" ("key" TEXT PRIMARY KEY, "group" INTEGER REFERENCES "select" ("from")) WITHOUT ROWID;
CREATE INDEX "idx ""x""" ON "select" ("a b", "q""uote");
