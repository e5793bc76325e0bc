CREATE TABLE shirts (id integer PRIMARY KEY, size varchar(3) NOT NULL DEFAULT 'm', sizes text[]);
