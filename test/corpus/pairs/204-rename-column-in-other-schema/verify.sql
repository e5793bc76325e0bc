SELECT monthly_salary = 6100.50 FROM hr.staff WHERE id = 2;
