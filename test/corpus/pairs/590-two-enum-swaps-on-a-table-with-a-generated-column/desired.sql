CREATE TYPE size AS ENUM ('l', 'm', 's');
CREATE TYPE color AS ENUM ('blue', 'green', 'red');
CREATE TABLE item (
    id int PRIMARY KEY,
    sz size NOT NULL DEFAULT 'm',
    co color NOT NULL,
    score int GENERATED ALWAYS AS (CASE WHEN sz = 's' THEN 1 ELSE 0 END + CASE WHEN co = 'red' THEN 10 ELSE 0 END) STORED
);
CREATE INDEX item_score_idx ON item (score);
