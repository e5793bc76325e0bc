SELECT prio = 'high' FROM tasks WHERE id = 1;
SELECT (SELECT prio FROM tasks WHERE id = 1) > (SELECT prio FROM tasks WHERE id = 2);
