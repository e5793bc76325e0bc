SELECT wife_id = 2 FROM husbands;
