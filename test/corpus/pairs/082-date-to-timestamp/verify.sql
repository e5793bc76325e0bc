SELECT due = '2024-09-30 00:00:00' FROM deadlines;
