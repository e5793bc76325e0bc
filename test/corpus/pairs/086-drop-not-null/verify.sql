SELECT company = '' FROM contacts WHERE id = 1;
