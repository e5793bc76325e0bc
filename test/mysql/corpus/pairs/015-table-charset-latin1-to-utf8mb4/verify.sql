SELECT name = 'Müller' AND note = 'café' AND code = 'DE' FROM t;
