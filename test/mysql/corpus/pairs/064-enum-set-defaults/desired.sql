CREATE TABLE t (id INT NOT NULL PRIMARY KEY, a INT, e ENUM('x','y') DEFAULT 'y', s SET('p','q','r') DEFAULT 'r,p');
