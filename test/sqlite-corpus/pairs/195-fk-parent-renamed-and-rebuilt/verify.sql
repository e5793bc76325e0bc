SELECT count(*) = 2 FROM c JOIN parent ON parent.id = c.pid;
