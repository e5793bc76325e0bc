SELECT views = 2147483647 FROM posts WHERE id = 2;
SELECT nextval('users_id_seq') = 3;
SELECT format_type(atttypid, atttypmod) = 'bigint' FROM pg_attribute WHERE attrelid = 'posts'::regclass AND attname = 'user_id';
