CREATE TABLE subscribers (email text NOT NULL, name text);
CREATE UNIQUE INDEX ON subscribers (lower(email));   -- PostgreSQL names it subscribers_lower_idx
INSERT INTO subscribers VALUES ('Ann@Example.com', 'Ann');
