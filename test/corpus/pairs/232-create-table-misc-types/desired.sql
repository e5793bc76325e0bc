CREATE TABLE things (id integer PRIMARY KEY, name text NOT NULL);

CREATE TABLE blobs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    flags bit(16) DEFAULT B'0000000000000001',
    mask bit varying(64),
    one_bit bit,
    raw bytea DEFAULT '\x00',
    doc json,
    docb jsonb DEFAULT '[]',
    markup xml,
    tsv tsvector,
    query tsquery,
    slots int4range DEFAULT '[1,5)',
    big_slots int8range,
    amounts numrange,
    lsn pg_lsn,
    label name,
    single_char "char",
    code char(4),
    short varchar(3)
);
CREATE INDEX blobs_docb_idx ON blobs USING gin (docb);
CREATE INDEX blobs_slots_idx ON blobs USING gist (slots);
CREATE INDEX blobs_tsv_idx ON blobs USING gin (tsv);
