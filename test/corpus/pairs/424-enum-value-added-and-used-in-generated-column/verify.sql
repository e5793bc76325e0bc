SELECT NOT is_vip FROM t;
