SELECT min_temp = 5.5 FROM thermostat;
