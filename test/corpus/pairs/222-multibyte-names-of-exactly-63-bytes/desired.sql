CREATE TABLE notes (id integer PRIMARY KEY, body text, "éééééééééééééééééééééééééééééééx" text, "ññññññññññññññññññññññññññññññabc" integer DEFAULT 1);
CREATE TABLE "顧客顧客顧客顧客顧客顧客顧客顧客顧客顧客表" (id integer PRIMARY KEY, "éééééééééééééééééééééééééééééééx" integer REFERENCES notes (id));
CREATE INDEX "ññññññññññññññññññññññññññññññabc" ON notes ("éééééééééééééééééééééééééééééééx");
