CREATE TABLE sites (org text, code text, PRIMARY KEY (org, code));
CREATE TABLE sensors (id integer PRIMARY KEY, org text, site_code text, FOREIGN KEY (org, site_code) REFERENCES sites (org, code));
