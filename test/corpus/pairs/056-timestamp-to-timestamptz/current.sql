CREATE TABLE appointments (id integer PRIMARY KEY, starts_at timestamp NOT NULL, ends_at timestamp(0));
INSERT INTO appointments VALUES (1, '2024-05-06 12:00:00', '2024-05-06 13:00:00'), (2, '2024-12-31 12:30:00', NULL);
