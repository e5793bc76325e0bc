CREATE TABLE counters (id integer PRIMARY KEY, code integer DEFAULT 0, flag boolean DEFAULT true, at date DEFAULT '2024-01-01');
