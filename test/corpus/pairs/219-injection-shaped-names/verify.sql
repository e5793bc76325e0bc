SELECT count(*) = 1 FROM students;
