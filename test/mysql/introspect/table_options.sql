-- Table options: engines, comments (with quotes), a table with no primary
-- key; viborm's own tables are not reported.
CREATE TABLE t_innodb (id INT PRIMARY KEY) ENGINE=InnoDB COMMENT 'it''s InnoDB';
CREATE TABLE t_myisam (id INT PRIMARY KEY, body TEXT, FULLTEXT KEY t_myisam_body (body)) ENGINE=MyISAM;
CREATE TABLE t_memory (id INT, k INT, KEY t_memory_k (k) USING HASH, KEY t_memory_id (id) USING BTREE) ENGINE=MEMORY;
CREATE TABLE t_aria (id INT NOT NULL) ENGINE=Aria;
CREATE TABLE _viborm_history (id INT PRIMARY KEY);
CREATE TABLE _viborm_snapshot (id INT PRIMARY KEY);
