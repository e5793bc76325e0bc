CREATE TABLE tickets (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), legacy_no serial, subject text NOT NULL);
INSERT INTO tickets (subject) VALUES ('printer'), ('vpn');
