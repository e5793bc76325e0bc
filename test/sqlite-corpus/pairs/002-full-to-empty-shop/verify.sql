SELECT count(*) = 0 FROM sqlite_schema WHERE name NOT LIKE '\_viborm%' ESCAPE '\';
