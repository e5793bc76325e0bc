SELECT salary = 10 FROM employees;
