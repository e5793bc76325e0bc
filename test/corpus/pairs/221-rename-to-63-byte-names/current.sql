CREATE TABLE history (id serial PRIMARY KEY, channel text);
CREATE INDEX history_channel_idx ON history (channel);
INSERT INTO history (channel) VALUES ('web'), ('app');
