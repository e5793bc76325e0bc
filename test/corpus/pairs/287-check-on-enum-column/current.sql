CREATE TYPE ticket_state AS ENUM ('open', 'closed', 'spam');
CREATE TABLE tickets (id integer PRIMARY KEY, state ticket_state NOT NULL, closed_at timestamptz);
INSERT INTO tickets VALUES (1, 'open', NULL), (2, 'closed', '2024-01-01');
