SELECT manager_id = 2 FROM employees WHERE id = 3;
