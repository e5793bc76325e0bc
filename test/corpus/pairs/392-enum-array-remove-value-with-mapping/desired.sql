CREATE TYPE perm AS ENUM ('read', 'write', 'admin');
CREATE TABLE roles (id integer PRIMARY KEY, perms perm[] NOT NULL DEFAULT '{read}', extra perm[]);
