CREATE TABLE line_items (
    id int PRIMARY KEY,
    amount numeric(8,2) NOT NULL CHECK (amount >= 0),
    tax numeric(5,3) NOT NULL DEFAULT 0,
    description varchar(80),
    qty smallint,
    code varchar(12)
);
INSERT INTO line_items VALUES (1, 123456.78, 0.196, 'thing', 3, 'AB-1'), (2, 0, 0, NULL, NULL, NULL);
