SELECT "user name; DROP TABLE ""People"";--" = 'bo' FROM "People" WHERE "ID" = 2;
