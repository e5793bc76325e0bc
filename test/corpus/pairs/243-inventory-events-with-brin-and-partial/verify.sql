SELECT sum(delta) = 4 FROM stock_events;
