CREATE TYPE ticket_status AS ENUM ('new', 'open', 'closed');
CREATE TABLE tickets (id serial PRIMARY KEY, status ticket_status NOT NULL DEFAULT 'open', tags ticket_status[] DEFAULT '{new,open}');
