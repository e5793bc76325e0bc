CREATE TABLE notes (id integer PRIMARY KEY, body text);
COMMENT ON COLUMN notes.body IS 'plain';
