CREATE TABLE readings (id integer PRIMARY KEY, value numeric, ratio numeric DEFAULT 0.5);
