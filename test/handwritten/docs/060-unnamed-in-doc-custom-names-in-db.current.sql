-- Same definitions under home-made names: the document leaves names out,
-- so every object is renamed to PostgreSQL's own name, nothing re-created.
CREATE TABLE clubs (id int CONSTRAINT clubs_pk PRIMARY KEY);
CREATE TABLE members (
    id int CONSTRAINT pk_members PRIMARY KEY,
    email text NOT NULL CONSTRAINT uq_members_email UNIQUE,
    club_id int CONSTRAINT fk_members_club REFERENCES clubs,
    age smallint CONSTRAINT adult CHECK (age >= 18)
);
CREATE INDEX ix_members_club_age ON members (club_id, age);
INSERT INTO clubs VALUES (1);
INSERT INTO members VALUES (1, 'a@b.c', 1, 30);
