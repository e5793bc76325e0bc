SELECT count(*) = 1 FROM e;
SELECT count(*) = 29 FROM pg_index WHERE indrelid = 'e'::regclass AND NOT indisprimary;
