SELECT array_agg(status::text ORDER BY id) = '{closed,new}' FROM tickets;
