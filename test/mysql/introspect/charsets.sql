-- Charsets and collations: table defaults, columns that differ, utf8
-- reported as utf8mb3, a binary collation.
CREATE TABLE t_latin (
  id INT PRIMARY KEY,
  a VARCHAR(10),
  b VARCHAR(10) CHARACTER SET utf8mb4,
  c VARCHAR(10) COLLATE latin1_bin,
  d TEXT CHARACTER SET utf8 COLLATE utf8_unicode_ci
) DEFAULT CHARSET=latin1;
CREATE TABLE t_utf8mb4 (
  id INT PRIMARY KEY,
  a VARCHAR(10),
  b VARCHAR(10) COLLATE utf8mb4_bin,
  c CHAR(5) CHARACTER SET ascii,
  d VARCHAR(10) BINARY,
  e ENUM('x','y') CHARACTER SET latin1
) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE t_mb3 (id INT PRIMARY KEY, a VARCHAR(5)) CHARSET=utf8;
