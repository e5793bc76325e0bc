SELECT state = 'todo' FROM tasks WHERE id = 2;
