-- serial written out by hand: a sequence owned by the column and a nextval default
CREATE TABLE t1 (id serial4 PRIMARY KEY, v text);
CREATE SEQUENCE t2_id_seq;
CREATE TABLE t2 (id bigint NOT NULL DEFAULT nextval('t2_id_seq'::regclass), CONSTRAINT t2_pkey PRIMARY KEY (id));
ALTER SEQUENCE t2_id_seq OWNED BY t2.id;
CREATE TABLE t3 (id serial2 PRIMARY KEY);
CREATE TABLE t4 (k text PRIMARY KEY, n serial);
INSERT INTO t1 (v) VALUES ('a'), ('b');
INSERT INTO t2 DEFAULT VALUES;
INSERT INTO t4 (k) VALUES ('x');
