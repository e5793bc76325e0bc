SELECT a_num = 5 AND b_text = 'x' FROM t;
