CREATE TABLE nodes (id integer PRIMARY KEY, label text, first_edge_id integer);
