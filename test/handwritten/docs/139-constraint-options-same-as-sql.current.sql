CREATE TABLE slots (
  id serial PRIMARY KEY DEFERRABLE,
  position int NOT NULL CONSTRAINT slots_position_key UNIQUE DEFERRABLE INITIALLY DEFERRED,
  label text,
  CHECK (position >= 0) NO INHERIT
) WITH (fillfactor=80, autovacuum_enabled=off);
CREATE INDEX ON slots (label) WITH (fillfactor=90);
ALTER TABLE slots ADD UNIQUE (id, position);
CREATE TABLE slot_links (
  slot_id int, slot_position int,
  FOREIGN KEY (slot_id, slot_position) REFERENCES slots (id, position) MATCH FULL DEFERRABLE INITIALLY DEFERRED
);
COMMENT ON CONSTRAINT slots_pkey ON slots IS 'Row identity';
COMMENT ON INDEX slots_label_idx IS 'Search by label';
INSERT INTO slots (position, label) VALUES (1, 'a'), (2, 'b');
INSERT INTO slot_links VALUES (1, 1), (NULL, NULL);
