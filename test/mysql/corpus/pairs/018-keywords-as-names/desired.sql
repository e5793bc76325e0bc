CREATE TABLE `order` (`select` INT PRIMARY KEY, `from` VARCHAR(20) NOT NULL DEFAULT '', `group` INT, KEY `key` (`from`));
CREATE TABLE `table` (`index` INT PRIMARY KEY, `order_select` INT, CONSTRAINT `constraint` FOREIGN KEY (`order_select`) REFERENCES `order` (`select`));
