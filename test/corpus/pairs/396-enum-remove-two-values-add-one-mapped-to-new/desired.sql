CREATE TYPE size AS ENUM ('small', 'm', 'large');
CREATE TABLE shirts (id integer PRIMARY KEY, size size NOT NULL);
