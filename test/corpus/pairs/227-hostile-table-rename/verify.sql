SELECT v = 'b' FROM "new ""name""" WHERE id = 2;
