create table cities (id int primary key, name text, country char(2), population bigint, lat float8, lon float8);
insert into cities values (1, 'Paris', 'FR', 2100000, 48.85, 2.35), (2, 'Nowhere', 'XX', 0, null, null);
