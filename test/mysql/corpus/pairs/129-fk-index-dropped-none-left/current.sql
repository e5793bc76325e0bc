CREATE TABLE p (id INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL, UNIQUE KEY p_code (code));
CREATE TABLE c (id INT NOT NULL PRIMARY KEY, pid INT, pcode VARCHAR(10), KEY c_pid_idx (pid), CONSTRAINT c_pid_fkey FOREIGN KEY (pid) REFERENCES p (id));
INSERT INTO p VALUES (1, 'a'), (2, 'b');
INSERT INTO c VALUES (1, 1, 'a'), (2, 2, 'b'), (3, NULL, NULL);
