CREATE TABLE sites (org text, code text, PRIMARY KEY (org, code));
CREATE TABLE sensors (id integer PRIMARY KEY, org text, site text, FOREIGN KEY (org, site) REFERENCES sites (org, code));
INSERT INTO sites VALUES ('acme', 's1');
INSERT INTO sensors VALUES (1, 'acme', 's1');
