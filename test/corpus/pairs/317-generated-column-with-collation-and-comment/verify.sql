SELECT n_upper = 'B' FROM names WHERE id = 1;
