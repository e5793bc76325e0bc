CREATE TABLE codes (id integer PRIMARY KEY,
  status text NOT NULL CHECK (status IN ('open', 'closed', 'it''s pending')),
  code text CHECK (code ~ '^[A-Z]{2}[0-9]+$'),
  note text CONSTRAINT "note ""quoted"" check" CHECK (note IS NULL OR position(E'\\' IN note) = 0));
