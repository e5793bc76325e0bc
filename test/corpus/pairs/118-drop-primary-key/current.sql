CREATE TABLE event_log (id bigint PRIMARY KEY, payload jsonb);
INSERT INTO event_log VALUES (1, '{}'), (2, '[]');
