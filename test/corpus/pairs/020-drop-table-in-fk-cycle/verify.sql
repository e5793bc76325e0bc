SELECT first_edge_id = 100 FROM nodes WHERE id = 1;
