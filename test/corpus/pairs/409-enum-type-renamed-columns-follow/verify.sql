SELECT colour = 'green' AND others = '{red}' FROM cars WHERE id = 1;
SELECT colour = 'red' FROM cars WHERE id = 2;
