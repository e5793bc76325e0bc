SELECT region = 'BY' FROM shops;
