CREATE TABLE event_log (id bigint NOT NULL, payload jsonb);
