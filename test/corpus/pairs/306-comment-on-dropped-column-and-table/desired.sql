CREATE TABLE keep (id integer PRIMARY KEY, stays text);
COMMENT ON COLUMN keep.stays IS 'stays';
