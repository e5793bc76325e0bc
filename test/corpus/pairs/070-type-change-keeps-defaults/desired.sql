CREATE TABLE profiles (id integer PRIMARY KEY, level bigint NOT NULL DEFAULT 0, motto varchar(40) DEFAULT 'carpe diem', ratio double precision DEFAULT 0.5);
