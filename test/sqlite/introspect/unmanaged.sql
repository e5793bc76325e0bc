-- What the document does not express is listed, never read: views,
-- triggers, virtual tables and their shadow tables, and tables that use
-- what a document cannot say (ON CONFLICT, a key's own COLLATE, a rowid
-- that is not the key, a parent key that cannot be found, two constraints
-- with one name, an empty name, a column listed twice in a key, AUTOINCREMENT
-- with a default).
CREATE TABLE base (id INTEGER PRIMARY KEY, v TEXT);
CREATE VIEW base_view AS SELECT id, upper(v) AS v FROM base;
CREATE TRIGGER base_audit AFTER UPDATE OF v ON base BEGIN
  SELECT RAISE(ABORT, 'no') WHERE NEW.v = 'x';
END;
CREATE VIRTUAL TABLE search USING fts5(body);
CREATE TABLE replace_conflict (a TEXT UNIQUE ON CONFLICT REPLACE);
CREATE TABLE ignore_null (a TEXT NOT NULL ON CONFLICT IGNORE);
CREATE TABLE key_collation (a TEXT, UNIQUE (a COLLATE NOCASE));
CREATE TABLE not_rowid (id INTEGER PRIMARY KEY DESC);
CREATE TABLE orphan (a INT REFERENCES gone);
CREATE TABLE same_name (a INT, CONSTRAINT pair CHECK (a > 1) CHECK (a < 9));
CREATE TABLE "" (a INT);
CREATE TABLE empty_column ("" INT);
CREATE TABLE empty_check (a INT, CONSTRAINT "" CHECK (a > 0));
CREATE INDEX empty_check_a ON empty_check (a);
CREATE TABLE repeated (a INT, b INT, UNIQUE (a, a));
CREATE TABLE autoinc_default (id INTEGER PRIMARY KEY AUTOINCREMENT DEFAULT 1);
