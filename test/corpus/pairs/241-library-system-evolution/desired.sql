CREATE SCHEMA library;
CREATE TYPE library.loan_state AS ENUM ('active', 'returned', 'lost');
CREATE TABLE library.authors (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE library.books (isbn char(13) PRIMARY KEY, title text NOT NULL, author text NOT NULL, author_id integer REFERENCES library.authors ON DELETE SET NULL, copies smallint NOT NULL DEFAULT 1);
CREATE TABLE library.members (id serial PRIMARY KEY, name text NOT NULL, card_no bigint UNIQUE, joined date DEFAULT CURRENT_DATE);
CREATE TABLE library.loans (
    id bigserial,
    isbn char(13) NOT NULL REFERENCES library.books ON UPDATE CASCADE,
    member_id integer NOT NULL REFERENCES library.members ON DELETE CASCADE,
    due date NOT NULL,
    state library.loan_state NOT NULL DEFAULT 'active',
    PRIMARY KEY (id)
);
CREATE INDEX loans_member_active_idx ON library.loans (member_id, due) WHERE state = 'active';
