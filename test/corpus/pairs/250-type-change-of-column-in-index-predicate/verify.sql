SELECT status = 'live' FROM listings WHERE id = 1;
