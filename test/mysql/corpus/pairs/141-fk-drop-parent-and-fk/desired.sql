CREATE TABLE c (id INT PRIMARY KEY, pid INT, KEY c_pid (pid));
