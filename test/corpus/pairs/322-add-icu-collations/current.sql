CREATE TABLE names (id integer PRIMARY KEY, de text, sv varchar(40), en char(5));
INSERT INTO names VALUES (1, 'Ä', 'Å', 'a');
