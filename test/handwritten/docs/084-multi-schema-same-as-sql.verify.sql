SELECT to_regclass('public.scratch') IS NOT NULL;
