SELECT count(*) = 1 FROM greetings;
