SELECT is_x FROM t;
