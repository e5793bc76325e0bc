SELECT state = 'delivered' FROM shipments WHERE id = 2;
