SELECT shout = 'ANN' FROM t;
