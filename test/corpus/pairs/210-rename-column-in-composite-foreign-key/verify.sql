SELECT site_code = 's1' FROM sensors;
