CREATE TABLE webhooks (id integer PRIMARY KEY, payload text NOT NULL, headers text);
INSERT INTO webhooks VALUES (1, '{"event": "paid", "amount": 10}', '{"x-sig": "abc"}'), (2, '[]', NULL);
