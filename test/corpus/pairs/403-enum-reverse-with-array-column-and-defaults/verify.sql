SELECT start = 'east' AND legs = '{east,west}' FROM routes WHERE id = 1;
SELECT legs = '{north,south}' FROM routes WHERE id = 2;
