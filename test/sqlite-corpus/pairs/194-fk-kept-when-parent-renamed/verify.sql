SELECT count(*) = 1 FROM c JOIN parent ON parent.id = c.pid;
