SELECT finished AND status = 'finished' FROM t;
