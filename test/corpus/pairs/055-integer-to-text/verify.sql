SELECT zip = '10115' AND area_code = '0' FROM zip_codes WHERE id = 2;
