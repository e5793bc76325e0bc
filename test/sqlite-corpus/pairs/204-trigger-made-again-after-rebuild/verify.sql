SELECT count(*) = 1 FROM log;
SELECT count(*) = 2 FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 't';
