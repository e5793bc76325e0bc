-- PostgreSQL's default names in the database, explicit names in the document.
CREATE TABLE owners (id int PRIMARY KEY);
CREATE TABLE vehicles (
    vin char(17) PRIMARY KEY,
    plate varchar(12) NOT NULL UNIQUE,
    owner_id int REFERENCES owners,
    year int2 CHECK (year >= 1886)
);
CREATE INDEX ON vehicles (owner_id);
INSERT INTO owners VALUES (1);
INSERT INTO vehicles VALUES ('1HGCM82633A004352', 'AB-123-CD', 1, 2003);
