SELECT bool_and(open_days = '{mon,tue,wed,thu,fri}') FROM shops;
