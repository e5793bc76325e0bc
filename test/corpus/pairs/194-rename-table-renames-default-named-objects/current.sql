CREATE TABLE member (
    id serial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    referrer_id integer REFERENCES member (id),
    nick text
);
CREATE INDEX ON member (nick);
INSERT INTO member (email, nick) VALUES ('a@x.test', 'a'), ('b@x.test', 'b');
UPDATE member SET referrer_id = 1 WHERE id = 2;
