CREATE TABLE schedules (
    id serial PRIMARY KEY,
    starts date DEFAULT '2024-01-01',
    every interval DEFAULT '1 mon 2 days',
    at time DEFAULT '09:30',
    net cidr DEFAULT '10.0.0.0/8',
    mac macaddr DEFAULT '00:00:00:00:00:00',
    loc point DEFAULT point(0, 0)
);
