CREATE TABLE greetings (id serial PRIMARY KEY, text_en text, text_fr text, pattern text);
INSERT INTO greetings DEFAULT VALUES;
