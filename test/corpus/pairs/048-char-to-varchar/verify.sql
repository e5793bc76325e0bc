SELECT rtrim(name) = 'Narita' AND country = 'JP' FROM airports WHERE code = 'NRT';
