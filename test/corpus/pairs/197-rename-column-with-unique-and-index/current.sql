CREATE TABLE accounts (id integer PRIMARY KEY, mail text NOT NULL UNIQUE, region text);
CREATE INDEX accounts_mail_region_idx ON accounts (mail, region);
INSERT INTO accounts VALUES (1, 'a@x.test', 'eu'), (2, 'b@x.test', 'us');
