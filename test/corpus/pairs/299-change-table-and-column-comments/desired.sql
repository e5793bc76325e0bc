CREATE TABLE notes (id integer PRIMARY KEY, body text);
COMMENT ON TABLE notes IS 'Notes, v2';
COMMENT ON COLUMN notes.body IS 'CommonMark';
COMMENT ON COLUMN notes.id IS 'key';
