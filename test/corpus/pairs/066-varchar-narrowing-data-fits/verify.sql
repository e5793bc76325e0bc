SELECT code = 'DE' FROM countries WHERE id = 2;
