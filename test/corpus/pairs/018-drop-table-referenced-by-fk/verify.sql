SELECT array_agg(author_id ORDER BY id) = '{1,2,1}' FROM posts;
