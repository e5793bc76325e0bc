CREATE TABLE countries (iso char(2) PRIMARY KEY, name text NOT NULL);
