CREATE TABLE books (isbn varchar(13) CONSTRAINT pk_books PRIMARY KEY, title text NOT NULL);
