SELECT product_ref = 1 FROM stock_moves;
