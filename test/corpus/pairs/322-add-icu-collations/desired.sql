CREATE TABLE names (id integer PRIMARY KEY, de text COLLATE "de-x-icu", sv varchar(40) COLLATE "sv-x-icu", en char(5) COLLATE "en-x-icu");
