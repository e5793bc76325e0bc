CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE things (id integer PRIMARY KEY, name text NOT NULL);

CREATE TABLE arrays (
    id integer PRIMARY KEY,
    a_small smallint[],
    a_int integer[] DEFAULT '{1,2}',
    a_int_2d integer[][] DEFAULT '{{1,2},{3,4}}',
    a_int_fixed integer[3],
    a_big bigint[][][],
    a_num numeric(8,2)[],
    a_text text[] NOT NULL DEFAULT '{}',
    a_vc varchar(20)[],
    a_ch char(2)[],
    a_bool boolean[],
    a_ts timestamp(3)[],
    a_tstz timestamptz[],
    a_date date[],
    a_iv interval[],
    a_uuid uuid[],
    a_json json[],
    a_jsonb jsonb[],
    a_bytea bytea[],
    a_inet inet[],
    a_cidr cidr[],
    a_mac macaddr[],
    a_point point[],
    a_box box[],
    a_bit bit(4)[],
    a_varbit varbit[],
    a_money money[],
    a_range int4range[],
    a_tsv tsvector[],
    a_xml xml[],
    a_oid oid[],
    a_mood mood[] DEFAULT '{happy}',
    a_mood_2d mood[][]
);
CREATE INDEX arrays_a_text_idx ON arrays USING gin (a_text);
CREATE INDEX arrays_a_int_idx ON arrays USING gin (a_int);
