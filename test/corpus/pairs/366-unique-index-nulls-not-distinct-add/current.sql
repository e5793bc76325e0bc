CREATE TABLE slots (id integer PRIMARY KEY, room integer, day date);
CREATE UNIQUE INDEX slots_room_day_key ON slots (room, day);
INSERT INTO slots VALUES (1, 1, NULL), (2, 2, NULL), (3, 1, '2024-01-01');
