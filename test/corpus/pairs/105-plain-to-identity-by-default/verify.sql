SELECT count(*) = 2 FROM devices;
