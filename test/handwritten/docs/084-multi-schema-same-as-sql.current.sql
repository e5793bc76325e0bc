CREATE SCHEMA hr;
CREATE SCHEMA sales;
CREATE TABLE hr.staff (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE sales.deals (
    id bigserial PRIMARY KEY,
    owner_id integer NOT NULL REFERENCES hr.staff,
    value numeric(14,2) NOT NULL DEFAULT 0,
    closed_on date
);
CREATE INDEX ON sales.deals (owner_id, closed_on);
-- a table in public is not managed by this document
CREATE TABLE public.scratch (x int);
INSERT INTO hr.staff VALUES (1, 'Sam');
INSERT INTO sales.deals (owner_id, value) VALUES (1, 1000), (1, 250.5);
