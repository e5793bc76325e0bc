SELECT to_char(starts_at, 'YYYY-MM-DD') = '2024-12-31' FROM appointments WHERE id = 2;
