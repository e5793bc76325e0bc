CREATE TABLE `we``ird table` (`id` INT PRIMARY KEY, `sel ect` VARCHAR(10), `"q"` INT, `ünï` INT, KEY `in dex` (`sel ect`));
INSERT INTO `we``ird table` VALUES (1, 'a', 2, 3);
