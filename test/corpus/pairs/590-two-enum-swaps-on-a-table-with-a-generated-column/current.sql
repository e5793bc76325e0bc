CREATE TYPE size AS ENUM ('s', 'm', 'l');
CREATE TYPE color AS ENUM ('red', 'green', 'blue');
CREATE TABLE item (
    id int PRIMARY KEY,
    sz size NOT NULL DEFAULT 'm',
    co color NOT NULL,
    score int GENERATED ALWAYS AS (CASE WHEN sz = 's' THEN 1 ELSE 0 END + CASE WHEN co = 'red' THEN 10 ELSE 0 END) STORED
);
CREATE INDEX item_score_idx ON item (score);
INSERT INTO item (id, sz, co) VALUES (1, 's', 'red'), (2, 'l', 'blue'), (3, 'm', 'green');
