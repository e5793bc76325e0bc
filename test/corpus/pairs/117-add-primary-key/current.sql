CREATE TABLE countries (iso char(2) NOT NULL, name text NOT NULL);
INSERT INTO countries VALUES ('FR', 'France'), ('IT', 'Italy');
