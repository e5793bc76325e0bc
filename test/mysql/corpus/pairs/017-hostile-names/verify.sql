SELECT `sel ect` = 'a' AND `new``col` = 7 FROM `we``ird table`;
