CREATE TYPE perm AS ENUM ('read', 'write', 'legacy');
CREATE TABLE roles (id integer PRIMARY KEY, perms perm[]);
INSERT INTO roles VALUES (1, '{read,legacy}');
