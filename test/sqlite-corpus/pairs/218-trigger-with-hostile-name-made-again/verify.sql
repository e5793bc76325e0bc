SELECT "v w" = 'A' FROM "t x";
