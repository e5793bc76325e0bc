SELECT count(*) = 2 FROM staff;
SELECT count(*) = 1 FROM pg_trigger WHERE tgname = 'employees_touch';
