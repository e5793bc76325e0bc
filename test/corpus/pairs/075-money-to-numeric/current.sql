CREATE TABLE ledger (id integer PRIMARY KEY, amount money NOT NULL);
INSERT INTO ledger VALUES (1, '12.34'), (2, '-5.00');
