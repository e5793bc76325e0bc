SELECT array_agg(id ORDER BY prio) = '{2,1}' FROM tasks;
