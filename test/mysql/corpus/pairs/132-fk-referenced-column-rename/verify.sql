SELECT pk = 2 FROM p WHERE code = 'b';
