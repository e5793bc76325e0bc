CREATE TABLE categories (code integer PRIMARY KEY, label text);
CREATE TABLE items (id integer PRIMARY KEY, category_code integer REFERENCES categories (code) ON UPDATE CASCADE);
INSERT INTO categories VALUES (10, 'ten'), (20, 'twenty');
INSERT INTO items VALUES (1, 10), (2, 20), (3, NULL);
