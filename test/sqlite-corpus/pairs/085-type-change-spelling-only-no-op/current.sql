CREATE TABLE t (id integer primary key, n varchar ( 20 ), d Decimal(10, 2));
INSERT INTO t VALUES (1, 'x', 1);
