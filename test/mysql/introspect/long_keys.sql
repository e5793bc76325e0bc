-- Keys longer than InnoDB takes (3072 bytes): MariaDB makes a unique key a
-- long unique USING HASH, and cuts a one-column index to a prefix.
CREATE TABLE long_keys (
  id INT PRIMARY KEY,
  a VARCHAR(800),
  b INT,
  e VARCHAR(3100) CHARACTER SET latin1,
  g VARBINARY(4000),
  c VARCHAR(1000),
  UNIQUE KEY ua (a),
  UNIQUE KEY uab (a, b),
  KEY ka (a),
  KEY ke (e),
  KEY kg (g),
  KEY kpre (c(900))
);
