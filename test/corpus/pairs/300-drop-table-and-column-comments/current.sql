CREATE TABLE notes (id integer PRIMARY KEY, body text);
COMMENT ON TABLE notes IS 'Free-form notes';
COMMENT ON COLUMN notes.body IS 'Markdown';
INSERT INTO notes VALUES (1, 'x');
