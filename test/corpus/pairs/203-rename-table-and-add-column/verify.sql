SELECT url = '/b.png' AND alt = '' FROM images WHERE id = 2;
