SELECT count(*) = 2 FROM parent;
SELECT n = -2 FROM ONLY child;
SELECT NOT conislocal FROM pg_constraint WHERE conrelid = 'child'::regclass AND conname = 'parent_id_check';
SELECT NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'child'::regclass AND conname = 'parent_n_positive');
