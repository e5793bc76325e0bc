CREATE TYPE perm AS ENUM ('read', 'write');
CREATE TABLE roles (id integer PRIMARY KEY, perms perm[]);
