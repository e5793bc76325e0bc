CREATE TABLE rooms (
    id int8 GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    settings jsonb NOT NULL DEFAULT '{}'::jsonb,
    members int8[] NOT NULL DEFAULT '{}'::bigint[]
);
CREATE INDEX rooms_settings_idx ON rooms USING gin (settings);
CREATE INDEX rooms_members_idx ON rooms USING GIN (members);
CREATE TABLE messages (
    id int8 GENERATED ALWAYS AS IDENTITY,
    room_id int8 NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now(),
    body text NOT NULL CHECK (length(body) > 0),
    edited bool NOT NULL DEFAULT 'false',
    PRIMARY KEY (id),
    FOREIGN KEY (room_id) REFERENCES rooms ON DELETE CASCADE
);
CREATE INDEX ON messages (room_id, sent_at DESC);
CREATE INDEX ON messages USING brin (sent_at);
INSERT INTO rooms (name, members) VALUES ('general', '{1,2,3}'), ('random', DEFAULT);
INSERT INTO messages (room_id, body) VALUES (1, 'hi'), (1, 'hello'), (2, 'anyone?');
