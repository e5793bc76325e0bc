CREATE TYPE ticket_state AS ENUM ('open', 'closed', 'spam');
CREATE TABLE tickets (id integer PRIMARY KEY, state ticket_state NOT NULL, closed_at timestamptz,
  CONSTRAINT closed_has_time CHECK (state <> 'closed' OR closed_at IS NOT NULL),
  CHECK (state <> 'spam'));
