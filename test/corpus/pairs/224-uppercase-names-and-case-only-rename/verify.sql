SELECT "firstName" = 'Bo' FROM "Users" WHERE "Id" = 2;
SELECT note = 'lowercase twin' FROM users;
