CREATE TABLE keep (id integer PRIMARY KEY, gone text, stays text);
COMMENT ON COLUMN keep.gone IS 'about to go';
COMMENT ON COLUMN keep.stays IS 'stays';
CREATE TABLE bye (id integer PRIMARY KEY);
COMMENT ON TABLE bye IS 'bye';
INSERT INTO keep VALUES (1, 'g', 's');
