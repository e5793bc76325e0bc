-- Every change here is on the safe list: no force.
CREATE TABLE profiles (
    id integer PRIMARY KEY,
    handle varchar(20) NOT NULL,
    bio varchar(500),
    followers int NOT NULL DEFAULT 0,
    rating numeric(4,2),
    score real,
    code char(8)
);
INSERT INTO profiles VALUES (1, 'ann', 'hi', 10, 4.5, 0.25, 'ABCDEFGH'), (2, 'bob', NULL, 0, NULL, NULL, NULL);
