CREATE SCHEMA library;
CREATE TABLE library.books (isbn char(13) PRIMARY KEY, title text NOT NULL, author text NOT NULL);
CREATE TABLE library.members (id serial PRIMARY KEY, name text NOT NULL, card_no integer UNIQUE);
CREATE TABLE library.loans (
    isbn char(13) NOT NULL REFERENCES library.books,
    member_id integer NOT NULL REFERENCES library.members,
    due date NOT NULL,
    PRIMARY KEY (isbn, member_id)
);
INSERT INTO library.books VALUES ('9780441013593', 'Dune', 'Herbert'), ('9780553293357', 'Foundation', 'Asimov');
INSERT INTO library.members (name, card_no) VALUES ('Ann', 100), ('Bo', 101);
INSERT INTO library.loans VALUES ('9780441013593', 1, '2024-05-01');
