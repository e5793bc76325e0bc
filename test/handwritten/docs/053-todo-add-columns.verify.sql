SELECT count(*) = 2 FROM todos WHERE priority = 3 AND created_at IS NOT NULL;
SELECT done FROM todos WHERE id = 1;
