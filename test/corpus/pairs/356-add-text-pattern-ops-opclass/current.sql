CREATE TABLE files (id integer PRIMARY KEY, path text NOT NULL, name varchar(100));
CREATE INDEX files_path_idx ON files (path);
CREATE INDEX files_name_idx ON files (name);
INSERT INTO files VALUES (1, '/a/b', 'b');
