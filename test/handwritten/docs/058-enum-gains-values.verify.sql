SELECT count(*) = 2 FROM items WHERE status = 'published';
SELECT enum_range(NULL::color)::text = '{red,orange,green,blue}';
