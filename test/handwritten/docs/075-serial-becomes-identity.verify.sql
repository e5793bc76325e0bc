INSERT INTO widgets (name) VALUES ('d') RETURNING id > 3;
SELECT to_regclass('widgets_id_seq') IS NOT NULL;
SELECT attidentity = 'd' FROM pg_attribute WHERE attrelid = 'widgets'::regclass AND attname = 'id';
