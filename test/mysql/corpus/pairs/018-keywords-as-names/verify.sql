SELECT `from` = 'x' FROM `order`;
