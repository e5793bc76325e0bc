CREATE TABLE subscriptions (id integer PRIMARY KEY, active integer NOT NULL, trial integer);
INSERT INTO subscriptions VALUES (1, 1, 0), (2, 0, NULL);
