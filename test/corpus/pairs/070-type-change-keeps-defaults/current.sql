CREATE TABLE profiles (id integer PRIMARY KEY, level integer NOT NULL DEFAULT 0, motto text DEFAULT 'carpe diem', ratio real DEFAULT 0.5);
INSERT INTO profiles (id) VALUES (1), (2);
