SELECT array_agg(mood::text ORDER BY id) = '{ok,sad}' FROM diary;
