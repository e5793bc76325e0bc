CREATE TABLE "events log" (id integer PRIMARY KEY, "kind;" text, payload jsonb);
INSERT INTO "events log" VALUES (1, 'a''b', '{}'), (2, 'x', '{"k": "v"}');
