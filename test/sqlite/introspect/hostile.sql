-- Names that are data, never SQL: quotes of every kind, keywords, spaces,
-- unicode, a name past PostgreSQL's 63 bytes; comments in odd places.
CREATE /* a */ TABLE -- b
  "we""ird ""table""" /* c */ (
  "col ""q""" INT NOT /* d */ NULL,
  [br"ack] TEXT,
  `back``tick` REAL,
  "select" INT, -- e
  key INT,
  "Ünïcødé çølümn" TEXT DEFAULT 'ü',
  "with space" TEXT,
  'single' TEXT,
  "a_column_name_that_is_much_longer_than_the_sixty_three_bytes_postgresql_allows" INT,
  CHECK ("select" > key), /* f */
  CHECK ([br"ack] <> "not a column"),
  UNIQUE ("col ""q""", `back``tick`)
);
CREATE INDEX "idx ""h""" ON "we""ird ""table"""("col ""q""" DESC, lower([br"ack]) COLLATE nocase) WHERE key > 0;
CREATE TABLE "Mixed" (ID INTEGER PRIMARY KEY, Name TEXT, CHECK (id > 0 AND NAME <> ''));
CREATE INDEX mixed_name ON "MIXED" (NAME, 'id');
CREATE TABLE "references" ("from" INT REFERENCES "Mixed" (Id), "to" INT);
CREATE TABLE [0start] ([1col] INT, "$dollar" TEXT);
