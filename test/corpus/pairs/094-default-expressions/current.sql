CREATE TABLE batches (id serial PRIMARY KEY, size integer, ttl interval, code text, due date);
INSERT INTO batches (size) VALUES (10);
