SELECT count(*) = 2 FROM event_log;
