SELECT parent_id = 1 FROM c;
