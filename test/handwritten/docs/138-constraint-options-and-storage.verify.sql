SELECT condeferrable AND condeferred FROM pg_constraint WHERE conname = 'slots_position_key';
SELECT connoinherit FROM pg_constraint WHERE conname = 'slots_position_check';
SELECT confmatchtype = 'f' FROM pg_constraint WHERE conname = 'slot_links_slot_id_fkey';
SELECT obj_description('slots_label_idx'::regclass, 'pg_class') = 'Search by label';
SELECT reloptions @> ARRAY['fillfactor=80'] FROM pg_class WHERE relname = 'slots';
SELECT reloptions = ARRAY['pages_per_range=16'] FROM pg_class WHERE relname = 'slots_at_idx';
