CREATE TABLE schedules (id serial PRIMARY KEY, starts date, every interval, at time, net cidr, mac macaddr, loc point);
INSERT INTO schedules DEFAULT VALUES;
