SELECT owner_id = 1 FROM groups;
