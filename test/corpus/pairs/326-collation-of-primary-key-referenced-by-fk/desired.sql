CREATE TABLE countries (code text COLLATE "C" PRIMARY KEY);
CREATE TABLE cities (id integer PRIMARY KEY, country text COLLATE "C" REFERENCES countries);
