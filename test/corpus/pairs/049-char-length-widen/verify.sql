SELECT count(*) = 2 FROM currencies WHERE code IN ('EUR', 'USD');
