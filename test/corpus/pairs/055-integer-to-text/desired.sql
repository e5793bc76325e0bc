CREATE TABLE zip_codes (id integer PRIMARY KEY, zip text NOT NULL, area_code varchar(5) DEFAULT '0');
