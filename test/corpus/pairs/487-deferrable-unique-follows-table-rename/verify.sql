SELECT count(*) = 2 FROM place;
SELECT condeferrable FROM pg_constraint WHERE conname = 'place_pos_key';
