-- Schema legacy is not managed by the document: it stays as it is, and the
-- document's foreign key may point into it.
CREATE SCHEMA legacy;
CREATE TABLE legacy.old_notes (id int PRIMARY KEY, txt varchar(100));
CREATE TABLE legacy.junk (x int);
CREATE INDEX ON legacy.junk (x);
INSERT INTO legacy.old_notes VALUES (1, 'first'), (2, 'second');
INSERT INTO legacy.junk VALUES (1), (2), (3);
