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

INSERT INTO samples VALUES (
    1, 1, 2, 3, 4.5, 6.75, 1.5, 2.25, '3.50', true,
    'text', 'varchar', 'varchar20', 'c', 'abc',
    '\xdeadbeef', '6f1c8f2e-1111-4222-8333-944445555666', '{"a": 1}', '{"b": [1, 2]}', '<a>x</a>',
    '2024-02-29', '12:34:56', '12:34:56.789', '12:00+02',
    '2024-01-01 10:00', '2024-01-01 10:00:01', '2024-01-01 10:00+00', '2024-01-01 10:00:00.123+00',
    '1 day 2 hours', '3 days 04:05:06.78',
    '1', '10101010', '101', '1111',
    '192.168.0.1/24', '10.0.0.0/8', '08:00:2b:01:02:03', '08:00:2b:01:02:03:04:05',
    '(1,2)', '((0,0),(1,1))', '{1,-1,0}', '[(0,0),(1,1)]', '((0,0),(1,1),(2,0))', '((0,0),(1,1),(1,0))', '<(0,0),1>',
    'a fat cat', 'fat & cat',
    '[1,10)', '[1,100)', '[0.5,1.5]', '[2024-01-01 00:00+00,2024-02-01 00:00+00)', '[2024-01-01,2024-02-01)',
    42, 'pg_class', 'some_name', '16/B374D848',
    'happy', '{sad,happy}',
    '{1,2,3}', '{{1,2},{3,4}}', '{{{a}}}', '{ab,cd}',
    '{1.5,2.25}', '{6f1c8f2e-1111-4222-8333-944445555666}', ARRAY['{"k": 1}'::jsonb], '{"2024-01-01 10:00:00.12"}'
);
INSERT INTO samples (id) VALUES (2);
