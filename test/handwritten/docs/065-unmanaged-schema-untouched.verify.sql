SELECT count(*) = 3 FROM legacy.junk;
SELECT to_regclass('legacy.junk_x_idx') IS NOT NULL;
SELECT count(*) = 2 FROM legacy.old_notes;
