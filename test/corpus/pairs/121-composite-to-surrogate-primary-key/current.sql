CREATE TABLE memberships (group_id integer, user_id integer, since date DEFAULT CURRENT_DATE, PRIMARY KEY (group_id, user_id));
INSERT INTO memberships VALUES (1, 1, '2024-01-01'), (1, 2, '2024-02-01'), (2, 1, '2024-03-01');
