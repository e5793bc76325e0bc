CREATE TABLE contacts (id serial PRIMARY KEY, name text NOT NULL, email text, company text DEFAULT '');
