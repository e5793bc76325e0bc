SELECT ip << inet '192.168.1.0/24' FROM devices WHERE id = 1;
