CREATE TABLE audit (id bigserial PRIMARY KEY, a timestamptz DEFAULT CURRENT_TIMESTAMP, b timestamptz DEFAULT now(), c timestamp(0) DEFAULT ('2000-01-01 00:00:00'::timestamp));
