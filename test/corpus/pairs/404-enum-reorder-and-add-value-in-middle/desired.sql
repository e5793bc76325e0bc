CREATE TYPE stage AS ENUM ('todo', 'review', 'doing', 'done');
CREATE TABLE cards (id integer PRIMARY KEY, stage stage);
