CREATE TABLE files (id integer PRIMARY KEY, path text NOT NULL, name varchar(100));
CREATE INDEX files_path_idx ON files (path text_pattern_ops);
CREATE INDEX files_name_idx ON files (name varchar_pattern_ops);
