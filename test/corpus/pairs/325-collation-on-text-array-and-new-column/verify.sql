SELECT tags = '{b,a}' AND extra = 'x' FROM t;
