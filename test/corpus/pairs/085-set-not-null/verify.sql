SELECT count(*) = 2 FROM contacts;
