SELECT color = 'red' FROM paints WHERE id = 1;
SELECT color = 'blue' FROM paints WHERE id = 2;
