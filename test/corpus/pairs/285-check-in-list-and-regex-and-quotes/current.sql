CREATE TABLE codes (id integer PRIMARY KEY, status text NOT NULL, code text, note text);
INSERT INTO codes VALUES (1, 'open', 'AB12', 'it''s');
