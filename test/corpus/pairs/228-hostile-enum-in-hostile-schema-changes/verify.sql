SELECT state = 'down' FROM "Ops; Team"."Hosts" WHERE name = 'db1';
