SELECT par_id = 5 FROM kids;
