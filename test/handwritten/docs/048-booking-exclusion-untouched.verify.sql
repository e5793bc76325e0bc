SELECT count(*) = 1 FROM pg_constraint WHERE conrelid = 'reservations'::regclass AND contype = 'x';
SELECT to_regclass('public.upcoming') IS NOT NULL;
SELECT count(*) = 2 FROM reservations;
