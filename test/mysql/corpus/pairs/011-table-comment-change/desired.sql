CREATE TABLE t (id INT PRIMARY KEY) COMMENT 'it''s "new" \\ here';
