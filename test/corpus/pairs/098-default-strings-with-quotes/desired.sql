CREATE TABLE greetings (
    id serial PRIMARY KEY,
    text_en text DEFAULT 'It''s a "nice" day',
    text_fr text DEFAULT E'Aujourd\'hui\tc''est',
    pattern text DEFAULT '\d+ %s $1 ; -- /* */'
);
