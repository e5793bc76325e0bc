CREATE TABLE parent (id integer, n integer,
  CONSTRAINT parent_n_positive CHECK (n > 0) NO INHERIT,
  CONSTRAINT parent_id_check CHECK (id > 0));
CREATE TABLE child (extra text) INHERITS (parent);
