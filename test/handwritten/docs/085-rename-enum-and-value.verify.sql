SELECT array_agg(state::text ORDER BY id) = '{new,in_progress,done}' FROM tickets;
SELECT to_regtype('state') IS NULL;
