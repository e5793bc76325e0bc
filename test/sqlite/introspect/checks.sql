-- CHECK constraints: named and unnamed, on a column or the table, over one
-- column or several; default names numbered past the names taken; a
-- CONSTRAINT name that skips the NOT NULL after it (SQLite names the next
-- check); double-quoted strings.
CREATE TABLE checks (
  a INT CHECK (a > 0) CHECK (a < 100),
  b TEXT CONSTRAINT b_named NOT NULL CHECK (length(b) > 0),
  c TEXT CHECK (c IN ('one', 'two', "three")),
  d INT CHECK (a < d),
  CONSTRAINT checks_a_check CHECK (a <> 50),
  CHECK ((a + d) BETWEEN 0 AND 1000),
  CHECK (C IS NULL OR B IS NOT NULL),
  CONSTRAINT named_pair CHECK (a > 1 AND d > 1),
  CHECK (coalesce(c, '') NOT LIKE '%!%%' ESCAPE '!')
);
CREATE TABLE viborm_enum (
  role TEXT CHECK("role" IN ('reader', 'author', 'admin')) NOT NULL DEFAULT 'reader'
);
