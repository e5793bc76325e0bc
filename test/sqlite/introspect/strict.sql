-- Table options: STRICT and WITHOUT ROWID, alone, together, in either order;
-- the key of a STRICT table is NOT NULL (not the rowid).
CREATE TABLE s (id INTEGER PRIMARY KEY, a INT, b TEXT NOT NULL, c REAL, d BLOB, e ANY) STRICT;
CREATE TABLE w (k TEXT PRIMARY KEY, v INT) WITHOUT ROWID;
CREATE TABLE sw (k INT, j TEXT, v ANY, PRIMARY KEY (k, j)) STRICT, WITHOUT ROWID;
CREATE TABLE ws (k TEXT PRIMARY KEY) without rowid , strict;
CREATE TABLE sk (k TEXT PRIMARY KEY, v INT) STRICT;
