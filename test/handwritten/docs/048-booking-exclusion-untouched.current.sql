-- An exclusion constraint and a view: viborm cannot express them, so it
-- must leave them alone; the document adds an index, a check and a column.
CREATE TABLE rooms (id smallint PRIMARY KEY, label text NOT NULL, capacity smallint NOT NULL DEFAULT 2);
CREATE TABLE reservations (
    id serial PRIMARY KEY,
    room_id smallint NOT NULL REFERENCES rooms,
    during tstzrange NOT NULL,
    guest text NOT NULL,
    EXCLUDE USING gist (during WITH &&)
);
CREATE INDEX reservations_room_id_idx ON reservations (room_id);
CREATE VIEW upcoming AS SELECT id, room_id, guest FROM reservations WHERE lower(during) > now();
INSERT INTO rooms VALUES (1, 'Blue', 2), (2, 'Red', 4);
INSERT INTO reservations (room_id, during, guest) VALUES
    (1, '[2024-06-01 14:00+00, 2024-06-03 11:00+00)', 'Kim'),
    (2, '[2024-06-04 14:00+00, 2024-06-05 11:00+00)', 'Lee');
