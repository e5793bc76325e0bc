SELECT status = 'live' FROM pages;
