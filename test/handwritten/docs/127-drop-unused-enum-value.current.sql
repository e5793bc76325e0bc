-- The document removes a value no row holds: not destructive, no force.
CREATE TYPE fruit AS ENUM ('apple', 'banana', 'pear');
CREATE TABLE baskets (id int PRIMARY KEY, fruit fruit);
INSERT INTO baskets VALUES (1, 'apple'), (2, 'pear'), (3, NULL);
