CREATE TABLE shifts (id integer PRIMARY KEY, starts time(0) NOT NULL, ends time(0), duration interval hour to minute);
INSERT INTO shifts VALUES (1, '08:00', '16:00', '8 hours');
