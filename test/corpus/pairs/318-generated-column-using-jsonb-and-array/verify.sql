SELECT kind = 'click' AND n = 3 AND tag_count = 2 FROM events;
