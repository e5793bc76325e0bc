CREATE TABLE parcels (pid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, weight real);
INSERT INTO parcels (weight) VALUES (1.5), (2.5);
