CREATE SCHEMA crm;
CREATE TABLE crm.leads (email text PRIMARY KEY, source text, lead_no serial NOT NULL UNIQUE);
CREATE TABLE crm.campaigns (id bigserial PRIMARY KEY, name text NOT NULL);
