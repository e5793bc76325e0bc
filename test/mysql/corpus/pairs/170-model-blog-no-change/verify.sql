SELECT price = 2.25 FROM post;
