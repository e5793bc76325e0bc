SELECT array_agg(id ORDER BY id) = '{100,105}' FROM receipts;
