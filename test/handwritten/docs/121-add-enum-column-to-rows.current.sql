CREATE TABLE videos (id bigint PRIMARY KEY, title text NOT NULL);
INSERT INTO videos SELECT g, 'video ' || g FROM generate_series(1, 50) g;
