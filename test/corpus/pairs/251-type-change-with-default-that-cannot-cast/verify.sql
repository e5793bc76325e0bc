SELECT code = 42 AND NOT flag AND at = '2023-05-05' FROM counters WHERE id = 1;
