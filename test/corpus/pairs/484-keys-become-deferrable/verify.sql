SELECT string_agg(label, '' ORDER BY pos) = 'abc' FROM slot;
-- the shift a key checked row by row refuses
UPDATE slot SET pos = pos + 1 RETURNING true;
SELECT condeferred FROM pg_constraint WHERE conname = 'slot_pos_key';
