SELECT head_id = 10 FROM departments;
