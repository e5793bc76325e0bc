INSERT INTO gadgets (label) VALUES ('next') RETURNING id = 8;
SELECT pg_get_serial_sequence('gadgets', 'id') = 'public.gadgets_id_seq';
