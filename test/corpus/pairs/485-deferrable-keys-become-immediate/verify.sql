SELECT count(*) = 2 FROM slot;
SELECT NOT condeferrable FROM pg_constraint WHERE conrelid = 'slot'::regclass;
