CREATE TYPE kind AS ENUM ('a', 'b');
CREATE TABLE items (
    id integer PRIMARY KEY,
    code varchar(10) NOT NULL,
    qty smallint,
    price numeric(6,2) DEFAULT 0,
    kind kind,
    obsolete text,
    created timestamp DEFAULT now()
);
CREATE INDEX items_code_idx ON items (code);
CREATE INDEX items_obsolete_idx ON items (obsolete);
INSERT INTO items VALUES (1, 'X1', 5, 9.99, 'a', 'old', '2024-01-01 12:00'), (2, 'X2', 0, 1.00, NULL, NULL, '2024-01-02 12:00');
