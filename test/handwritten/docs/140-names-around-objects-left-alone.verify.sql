SELECT count(*) = 1 FROM bookings;
SELECT count(*) = 1 FROM pg_views WHERE viewname = 'bookings_guest_idx';
SELECT count(*) = 2 FROM pg_constraint WHERE conrelid = 'bookings'::regclass AND conname LIKE 'bookings_%_key%';
