-- Tables whose stored text SQLite itself edited: ALTER TABLE ADD COLUMN
-- appends the text as written, RENAME quotes the new names, DROP COLUMN
-- cuts the text.
CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INT, doomed TEXT);
ALTER TABLE t ADD COLUMN c TEXT DEFAULT 'x' COLLATE NOCASE;
ALTER TABLE t ADD   column   d   INT   REFERENCES t   ;
ALTER TABLE t RENAME COLUMN a TO "renamed a";
ALTER TABLE t DROP COLUMN doomed;
CREATE INDEX t_b ON t (b) WHERE b > 0;
ALTER TABLE t RENAME TO "t2";
CREATE TABLE child (x INT REFERENCES t2 (b));
ALTER TABLE t2 RENAME COLUMN b TO "bee";
