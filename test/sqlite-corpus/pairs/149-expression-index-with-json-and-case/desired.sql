CREATE TABLE t (id INTEGER PRIMARY KEY, doc TEXT);
CREATE INDEX t_a ON t (json_extract(doc, '$.a'), CASE WHEN doc IS NULL THEN 0 ELSE 1 END);
CREATE INDEX t_arrow ON t (doc ->> '$.a');
