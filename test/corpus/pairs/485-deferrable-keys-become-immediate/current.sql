CREATE TABLE slot (id integer, pos integer, label text,
  CONSTRAINT slot_pkey PRIMARY KEY (id) DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT slot_pos_key UNIQUE (pos) DEFERRABLE);
INSERT INTO slot VALUES (1, 10, 'a'), (2, 20, 'b');
