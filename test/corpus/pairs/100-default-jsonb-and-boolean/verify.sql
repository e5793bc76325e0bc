SELECT data = '{"tz": "UTC"}' AND NOT newsletter FROM preferences WHERE user_id = 1;
