CREATE TYPE perm AS ENUM ('read', 'write', 'admin', 'legacy');
CREATE TABLE roles (id integer PRIMARY KEY, perms perm[] NOT NULL DEFAULT '{read}', extra perm[]);
INSERT INTO roles VALUES (1, '{read,legacy}', '{legacy,admin}'), (2, '{admin}', NULL);
