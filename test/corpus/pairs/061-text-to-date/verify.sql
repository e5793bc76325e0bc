SELECT day = DATE '2024-07-14' FROM holidays WHERE id = 2;
