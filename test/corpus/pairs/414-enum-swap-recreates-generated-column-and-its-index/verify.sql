SELECT status = 'closed' AND NOT is_open FROM issues WHERE id = 3;
SELECT is_open FROM issues WHERE id = 1;
