CREATE TABLE slot (id integer PRIMARY KEY, pos integer UNIQUE, label text);
