SELECT severity = 'high' FROM incidents WHERE id = 1;
