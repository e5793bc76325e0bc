CREATE TABLE airports (code char(3) PRIMARY KEY, name char(40) NOT NULL, country char(2));
INSERT INTO airports VALUES ('CDG', 'Charles de Gaulle', 'FR'), ('NRT', 'Narita', 'JP');
