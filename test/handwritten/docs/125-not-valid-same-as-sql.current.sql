-- Old rows break the rules; the constraints are NOT VALID so they stay.
CREATE TABLE vendors (id int PRIMARY KEY);
CREATE TABLE bills (id int PRIMARY KEY, vendor_id int, amount numeric);
INSERT INTO vendors VALUES (1);
INSERT INTO bills VALUES (1, 1, 10), (2, 99, -5);
ALTER TABLE bills ADD FOREIGN KEY (vendor_id) REFERENCES vendors NOT VALID;
ALTER TABLE bills ADD CHECK (amount > 0) NOT VALID;
