CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE samples (
    id integer PRIMARY KEY,
    c_smallint smallint, c_integer integer, c_bigint bigint,
    c_numeric numeric, c_numeric_10_2 numeric(10,2), c_real real, c_double double precision,
    c_money money, c_bool boolean,
    c_text text, c_varchar varchar, c_varchar_20 varchar(20), c_char char, c_char_5 char(5),
    c_bytea bytea, c_uuid uuid, c_json json, c_jsonb jsonb, c_xml xml,
    c_date date, c_time time, c_time_3 time(3), c_timetz time with time zone,
    c_ts timestamp, c_ts_0 timestamp(0), c_tstz timestamptz, c_tstz_3 timestamp(3) with time zone,
    c_interval interval, c_interval_ds interval day to second(2),
    c_bit bit, c_bit_8 bit(8), c_varbit varbit, c_varbit_16 bit varying(16),
    c_inet inet, c_cidr cidr, c_macaddr macaddr, c_macaddr8 macaddr8,
    c_point point, c_box box, c_line line, c_lseg lseg, c_path path, c_polygon polygon, c_circle circle,
    c_tsvector tsvector, c_tsquery tsquery,
    c_int4range int4range, c_int8range int8range, c_numrange numrange, c_tstzrange tstzrange, c_daterange daterange,
    c_oid oid, c_regclass regclass, c_name name, c_pg_lsn pg_lsn,
    c_mood mood, c_moods mood[],
    c_int_arr integer[], c_int_2d integer[][], c_text_3d text[][][], c_varchar_arr varchar(10)[],
    c_numeric_arr numeric(6,3)[], c_uuid_arr uuid[], c_jsonb_arr jsonb[], c_ts_arr timestamp(2)[]
);
