SELECT mask = B'10100000' AND extra = B'1' FROM permissions WHERE id = 1;
