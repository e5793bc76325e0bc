-- objects viborm leaves alone hold names: an INCLUDE key, an exclusion
-- constraint, a view, a sequence that no column owns
CREATE TABLE bookings (room int, during tsrange, guest text,
  CONSTRAINT bookings_room_key UNIQUE (room) INCLUDE (guest),
  CONSTRAINT bookings_guest_check EXCLUDE USING gist (during WITH &&));
CREATE VIEW bookings_guest_idx AS SELECT guest FROM bookings;
CREATE SEQUENCE bookings_id_seq;
INSERT INTO bookings VALUES (1, '[2024-01-01, 2024-01-03)', 'ann');
