SELECT color = 'blue' FROM swatches WHERE id = 1;
