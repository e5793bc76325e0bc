CREATE TABLE regions (country text COLLATE "C", code text COLLATE "POSIX", PRIMARY KEY (country, code));
CREATE TABLE shops (id integer PRIMARY KEY, country text COLLATE "C", region text COLLATE "POSIX", FOREIGN KEY (country, region) REFERENCES regions);
