CREATE TABLE bookings (id integer PRIMARY KEY, starts date NOT NULL, ends date NOT NULL, CHECK (ends >= starts));
