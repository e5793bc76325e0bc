SELECT is_science FROM lib.books;
SELECT count(*) = 2 FROM loans;
