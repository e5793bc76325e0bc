CREATE TABLE enrollments (student_id integer PRIMARY KEY, course_id integer NOT NULL, grade char(1));
INSERT INTO enrollments VALUES (1, 100, 'A'), (2, 100, 'B');
