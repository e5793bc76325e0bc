CREATE TABLE enrollments (student_id integer, course_id integer, grade char(1), PRIMARY KEY (student_id, course_id));
