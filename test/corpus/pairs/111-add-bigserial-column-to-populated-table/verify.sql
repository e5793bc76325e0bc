SELECT count(DISTINCT seq) = 2 FROM messages;
