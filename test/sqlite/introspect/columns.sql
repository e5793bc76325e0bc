-- Column types in every spelling SQLite keeps, NOT NULL, defaults,
-- collations and generated columns.
CREATE TABLE types (
  a INT,
  b integer,
  c varchar ( 20 ),
  d "my type",
  e 'x' 'y',
  f decimal(10, 2),
  g,
  h double   precision,
  i int generated always,
  j UNSIGNED BIG INT,
  k Text(+5),
  l BOOLEAN NOT NULL,
  m DATETIME
);
CREATE TABLE defaults (
  a INT DEFAULT 0,
  b REAL DEFAULT -1.5,
  c DEFAULT +7,
  d TEXT DEFAULT 'it''s',
  e TEXT DEFAULT "dq",
  f DEFAULT x'00ff',
  g TEXT DEFAULT CURRENT_TIMESTAMP,
  h TEXT DEFAULT (datetime('now', 'localtime')),
  i INT DEFAULT (1 + 2 * 3),
  j DEFAULT true,
  k DEFAULT NULL,
  l DEFAULT (NULL),
  m TEXT DEFAULT 'NULL',
  n DEFAULT abc,
  o INT NOT NULL DEFAULT (- 1),
  p DEFAULT 1.0,
  q DEFAULT 0x1F
);
CREATE TABLE collations (
  a TEXT COLLATE NOCASE,
  b TEXT COLLATE rtrim NOT NULL,
  c TEXT COLLATE BINARY,
  d TEXT COLLATE "nocase" DEFAULT 'x'
);
CREATE TABLE generated (
  price REAL NOT NULL,
  qty INT NOT NULL,
  total REAL GENERATED ALWAYS AS (price * qty) STORED,
  label TEXT AS ('#' || qty) VIRTUAL,
  half AS (PRICE / 2),
  flag INT GENERATED ALWAYS AS (qty > 0) NOT NULL
);
