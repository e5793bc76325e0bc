CREATE SCHEMA hr;
CREATE TYPE shift AS ENUM ('early', 'late');
CREATE TABLE rota (id integer PRIMARY KEY, shift shift NOT NULL);
CREATE TABLE hr.prefs (id integer PRIMARY KEY, preferred shift, avoided shift[]);
