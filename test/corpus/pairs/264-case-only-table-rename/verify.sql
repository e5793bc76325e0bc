SELECT name = 'Acme' FROM "Customers";
