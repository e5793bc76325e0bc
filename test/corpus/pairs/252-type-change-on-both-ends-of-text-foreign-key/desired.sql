CREATE TABLE categories (code varchar(12) PRIMARY KEY, label text);
CREATE TABLE items (id integer PRIMARY KEY, category_code varchar(12) REFERENCES categories (code) ON UPDATE CASCADE);
