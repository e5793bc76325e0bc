SELECT name = 'a.png' FROM uploads WHERE id = '8b0e7bb6-3f1c-4c7e-9a61-7e7a1c4e0c01';
