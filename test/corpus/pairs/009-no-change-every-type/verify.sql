SELECT c_int_2d = '{{1,2},{3,4}}' FROM samples WHERE id = 1;
