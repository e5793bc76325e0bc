CREATE TABLE messages (uid uuid PRIMARY KEY, body text NOT NULL, seq bigserial NOT NULL);
CREATE UNIQUE INDEX messages_seq_idx ON messages (seq);
