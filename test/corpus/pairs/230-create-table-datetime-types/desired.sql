CREATE TABLE things (id integer PRIMARY KEY, name text NOT NULL);

CREATE TABLE times (
    id integer PRIMARY KEY,
    d date DEFAULT CURRENT_DATE,
    t time,
    t0 time(0) without time zone,
    t6 time(6),
    ttz time with time zone,
    ttz2 time(2) with time zone,
    ts timestamp,
    ts0 timestamp(0) without time zone DEFAULT LOCALTIMESTAMP,
    ts3 timestamp(3),
    tstz timestamp with time zone DEFAULT now(),
    tstz0 timestamp(0) with time zone,
    tstz6 timestamptz(6),
    iv interval,
    iv_y interval year,
    iv_ym interval year to month,
    iv_hs interval hour to second(3),
    iv_s interval second(0),
    dr daterange,
    tsr tsrange,
    tstzr tstzrange
);
