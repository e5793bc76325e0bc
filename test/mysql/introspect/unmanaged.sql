-- Views, triggers and (MariaDB) sequences are not managed: they are listed
-- as unmanaged, and the document holds only the tables.
CREATE TABLE items (id INT PRIMARY KEY, price INT NOT NULL, updated_by VARCHAR(20));
CREATE VIEW cheap_items AS SELECT id FROM items WHERE price < 10;
CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW SET NEW.updated_by = 'trigger';
CREATE SEQUENCE order_numbers START WITH 100;
