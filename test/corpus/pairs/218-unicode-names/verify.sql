SELECT "crème" = 'brûlée' FROM "café";
