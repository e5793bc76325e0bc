CREATE TABLE `order` (`select` INT PRIMARY KEY, `from` VARCHAR(10), `where` INT);
INSERT INTO `order` VALUES (1, 'x', 2);
