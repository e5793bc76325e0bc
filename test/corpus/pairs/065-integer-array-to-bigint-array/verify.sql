SELECT stop_ids = '{10,20,30}'::bigint[] FROM routes WHERE id = 1;
