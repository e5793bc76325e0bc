SELECT count(*) = 50 FROM videos WHERE visibility = 'private' AND duration_s = 0;
