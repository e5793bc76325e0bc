-- Primary keys and unique constraints in every form, and how SQLite folds
-- a UNIQUE that repeats another key into one index.
CREATE TABLE rowid_alias (id INTEGER PRIMARY KEY, v TEXT);
CREATE TABLE autoinc (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT);
CREATE TABLE autoinc_table_level (id INTEGER, v TEXT, PRIMARY KEY (id AUTOINCREMENT));
CREATE TABLE not_alias (id INT PRIMARY KEY, v TEXT);
CREATE TABLE text_key (code TEXT PRIMARY KEY, v TEXT);
CREATE TABLE text_key_not_null (code TEXT NOT NULL PRIMARY KEY);
CREATE TABLE composite (a TEXT, b INT, c TEXT, CONSTRAINT composite_key PRIMARY KEY (a, b));
CREATE TABLE desc_table_level (id INTEGER, PRIMARY KEY (id DESC));
CREATE TABLE uniques (
  id INTEGER PRIMARY KEY UNIQUE,
  a TEXT UNIQUE,
  b TEXT CONSTRAINT b_is_unique UNIQUE,
  c TEXT,
  d TEXT,
  UNIQUE (c, d),
  CONSTRAINT cd_again UNIQUE (c, d),
  UNIQUE (a DESC),
  UNIQUE (d)
);
CREATE TABLE unique_then_key (a TEXT UNIQUE, b TEXT, PRIMARY KEY (a));
CREATE TABLE key_then_unique (a TEXT PRIMARY KEY, b TEXT, UNIQUE (a));
CREATE TABLE wr (a TEXT, b INT, c TEXT, PRIMARY KEY (a, b), UNIQUE (c), UNIQUE (b, a)) WITHOUT ROWID;
CREATE TABLE no_key (a, b);
