SELECT "from" = '2024-01-01 00:00' FROM "user" WHERE id = 1;
