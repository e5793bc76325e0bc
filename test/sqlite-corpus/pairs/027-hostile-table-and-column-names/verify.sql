SELECT "a b" = 'x' FROM "select";
