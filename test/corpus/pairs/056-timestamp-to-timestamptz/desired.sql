CREATE TABLE appointments (id integer PRIMARY KEY, starts_at timestamptz NOT NULL, ends_at timestamp(0) with time zone);
