SELECT area = 6 AND NOT is_square FROM rectangles WHERE id = 1;
SELECT area = 16 AND is_square FROM rectangles WHERE id = 2;
