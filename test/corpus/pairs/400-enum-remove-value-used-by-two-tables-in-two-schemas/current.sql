CREATE SCHEMA hr;
CREATE TYPE shift AS ENUM ('early', 'late', 'night');
CREATE TABLE rota (id integer PRIMARY KEY, shift shift NOT NULL);
CREATE TABLE hr.prefs (id integer PRIMARY KEY, preferred shift, avoided shift[]);
INSERT INTO rota VALUES (1, 'night'), (2, 'early');
INSERT INTO hr.prefs VALUES (1, 'night', '{night,late}');
