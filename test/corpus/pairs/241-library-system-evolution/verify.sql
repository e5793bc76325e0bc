SELECT due = '2024-05-01' AND state = 'active' FROM library.loans;
