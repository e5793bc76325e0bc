SELECT cells = '{{1,0},{0,1}}'::bigint[] FROM boards;
