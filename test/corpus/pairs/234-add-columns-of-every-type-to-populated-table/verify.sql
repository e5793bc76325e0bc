SELECT count(*) = 3 FROM widgets WHERE c31 = 'mid' AND c13 = '{"a": [1]}' AND NOT c7;
SELECT count(DISTINCT c11) = 3 FROM widgets;
