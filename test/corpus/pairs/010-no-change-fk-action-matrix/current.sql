CREATE TABLE parents (
    id integer PRIMARY KEY,
    code text NOT NULL UNIQUE,
    region smallint NOT NULL,
    seq integer NOT NULL,
    UNIQUE (region, seq)
);
CREATE TABLE children (
    id integer PRIMARY KEY,
    p_cascade integer REFERENCES parents ON DELETE CASCADE ON UPDATE CASCADE,
    p_set_null integer REFERENCES parents ON DELETE SET NULL ON UPDATE SET NULL,
    p_set_default integer DEFAULT 1 REFERENCES parents ON DELETE SET DEFAULT ON UPDATE SET DEFAULT,
    p_restrict integer REFERENCES parents ON DELETE RESTRICT ON UPDATE RESTRICT,
    p_no_action integer REFERENCES parents ON DELETE NO ACTION,
    p_code text CONSTRAINT children_code_fk REFERENCES parents (code) DEFERRABLE INITIALLY DEFERRED,
    p_code2 text REFERENCES parents (code) DEFERRABLE INITIALLY IMMEDIATE,
    region smallint,
    seq integer,
    FOREIGN KEY (region, seq) REFERENCES parents (region, seq) MATCH FULL ON DELETE CASCADE
);

INSERT INTO parents VALUES (1, 'one', 1, 1), (2, 'two', 1, 2), (3, 'three', 2, 1);
INSERT INTO children VALUES (10, 1, 2, 3, 1, 2, 'one', 'two', 1, 2), (11, 2, NULL, 1, NULL, NULL, NULL, NULL, NULL, NULL);
