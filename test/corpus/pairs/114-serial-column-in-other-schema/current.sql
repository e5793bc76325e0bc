CREATE SCHEMA crm;
CREATE TABLE crm.leads (email text PRIMARY KEY, source text);
INSERT INTO crm.leads VALUES ('a@x.test', 'ads'), ('b@x.test', NULL);
