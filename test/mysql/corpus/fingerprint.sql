-- The catalog of the connection's database as information_schema reports
-- it, for comparing two databases without viborm: tables (engine, collation,
-- comment), columns by name (column order aside), index parts, foreign keys,
-- checks. viborm's own tables are left out; so are MariaDB's check LEVEL
-- (a document has no level: viborm adds every check as a table check) and
-- the AUTO_INCREMENT counters.
SELECT 'table', TABLE_NAME, ENGINE, TABLE_COLLATION, TABLE_COMMENT
FROM information_schema.TABLES
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT IN ('_viborm_history', '_viborm_snapshot', '_viborm_migrations')
ORDER BY TABLE_NAME;
SELECT 'column', TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COALESCE(COLUMN_DEFAULT, '<none>'),
       EXTRA, COALESCE(CHARACTER_SET_NAME, '-'), COALESCE(COLLATION_NAME, '-'), COLUMN_COMMENT,
       COALESCE(GENERATION_EXPRESSION, '-')
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT IN ('_viborm_history', '_viborm_snapshot', '_viborm_migrations')
ORDER BY TABLE_NAME, COLUMN_NAME;
SELECT 'index', TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME,
       COALESCE(SUB_PART, '-'), COALESCE(COLLATION, '-'), INDEX_TYPE, INDEX_COMMENT, IGNORED
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT IN ('_viborm_history', '_viborm_snapshot', '_viborm_migrations')
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX;
SELECT 'foreign key', k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION, k.COLUMN_NAME,
       k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME,
       REPLACE(r.UPDATE_RULE, 'NO ACTION', 'RESTRICT'), REPLACE(r.DELETE_RULE, 'NO ACTION', 'RESTRICT')
FROM information_schema.KEY_COLUMN_USAGE k
JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME
 AND r.TABLE_NAME = k.TABLE_NAME
WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
  AND k.TABLE_NAME NOT IN ('_viborm_history', '_viborm_snapshot', '_viborm_migrations')
ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION;
SELECT 'check', TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = DATABASE()
ORDER BY TABLE_NAME, CONSTRAINT_NAME;
