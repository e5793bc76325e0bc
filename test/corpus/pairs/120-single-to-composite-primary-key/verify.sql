SELECT grade = 'B' FROM enrollments WHERE student_id = 2;
