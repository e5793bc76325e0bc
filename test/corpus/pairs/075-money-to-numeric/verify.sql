SELECT sum(amount) = 7.34 FROM ledger;
