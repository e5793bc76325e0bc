SELECT count(*) = 2 FROM c WHERE p_id IS NULL;
