SELECT country_code = 'JP' FROM cities WHERE name = 'Osaka';
