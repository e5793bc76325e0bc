SELECT count(*) = 2 FROM bills;
SELECT bool_and(NOT convalidated) FROM pg_constraint WHERE conrelid = 'bills'::regclass AND contype IN ('f', 'c');
