SELECT b = 1.5 AND hex(c) = '00' AND d = 'it''s' AND e = -1 AND f = 1 FROM t;
