CREATE TYPE size AS ENUM ('XS', 'S', 'M', 'L', 'XL', 'don''t know');
CREATE TYPE "Weekday" AS ENUM ('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
CREATE TABLE shirts (
    id int PRIMARY KEY,
    size size NOT NULL DEFAULT 'M'::size,
    delivery_day "Weekday",
    alt_sizes size[] DEFAULT '{S,L}'::size[],
    CHECK (size <> 'don''t know' OR alt_sizes IS NOT NULL)
);
INSERT INTO shirts VALUES (1, 'XL', 'fri', DEFAULT), (2, 'don''t know', NULL, '{M}');
