CREATE TABLE "events log" (id integer PRIMARY KEY, "kind;" text, payload jsonb);
CREATE INDEX "events log_kind idx" ON "events log" ("kind;") WHERE "kind;" <> 'it''s; DROP TABLE x; --' AND "kind;" IS NOT NULL;
CREATE INDEX "payload;idx" ON "events log" USING gin (payload) WHERE payload ? 'k';
