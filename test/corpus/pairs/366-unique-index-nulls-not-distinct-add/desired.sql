CREATE TABLE slots (id integer PRIMARY KEY, room integer, day date);
CREATE UNIQUE INDEX slots_room_day_key ON slots (room, day) NULLS NOT DISTINCT;
