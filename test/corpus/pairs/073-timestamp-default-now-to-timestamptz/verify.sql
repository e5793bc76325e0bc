SELECT to_char(created_at, 'YYYY-MM-DD') = '2024-06-02' FROM comments WHERE body = 'yo';
