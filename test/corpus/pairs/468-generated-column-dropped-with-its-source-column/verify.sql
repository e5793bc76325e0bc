SELECT keep = 5 FROM t;
