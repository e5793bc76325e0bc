SELECT level = 'high' FROM alerts WHERE id = 1;
SELECT floor = 'low' AND ceiling = 'high' FROM limits;
