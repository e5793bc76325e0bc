SELECT fahrenheit = 212 FROM t;
