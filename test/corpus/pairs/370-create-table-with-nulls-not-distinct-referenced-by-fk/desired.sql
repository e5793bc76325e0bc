CREATE TABLE other (id integer PRIMARY KEY);
CREATE TABLE codes (id integer PRIMARY KEY, code text, CONSTRAINT codes_code_key UNIQUE NULLS NOT DISTINCT (code));
CREATE TABLE uses (id integer PRIMARY KEY, code text REFERENCES codes (code));
CREATE UNIQUE INDEX uses_code_nnd ON uses (code, id) NULLS NOT DISTINCT WHERE code IS NOT NULL;
