CREATE TYPE ticket_status AS ENUM ('new', 'open', 'closed');
CREATE TABLE tickets (id serial PRIMARY KEY, status ticket_status NOT NULL DEFAULT 'new', tags ticket_status[] DEFAULT '{}');
INSERT INTO tickets (status) VALUES ('closed'), (DEFAULT);
