CREATE TABLE books (isbn varchar(13) CONSTRAINT books_pkey PRIMARY KEY, title text NOT NULL);
INSERT INTO books VALUES ('9780261103573', 'LOTR');
