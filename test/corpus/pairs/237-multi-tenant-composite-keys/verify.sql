SELECT count(*) = 3 FROM tasks;
