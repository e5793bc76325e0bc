CREATE TABLE notes (id integer PRIMARY KEY, body text);
COMMENT ON TABLE notes IS E'It''s a "table";\nsecond line\ttab \\ backslash';
COMMENT ON COLUMN notes.body IS 'Zürich – 東京 – emoji 🎉 – $$dollar$$';
COMMENT ON COLUMN notes.id IS '';
