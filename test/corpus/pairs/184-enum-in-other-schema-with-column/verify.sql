SELECT bool_and(condition = 'new') FROM inventory.items;
