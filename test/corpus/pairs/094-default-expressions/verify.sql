SELECT size = 10 FROM batches;
