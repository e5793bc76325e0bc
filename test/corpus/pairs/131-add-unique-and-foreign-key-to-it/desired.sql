CREATE TABLE currencies (id integer PRIMARY KEY, code char(3) NOT NULL UNIQUE);
CREATE TABLE prices (id integer PRIMARY KEY, amount numeric(10,2), currency_code char(3) REFERENCES currencies (code) ON UPDATE CASCADE);
