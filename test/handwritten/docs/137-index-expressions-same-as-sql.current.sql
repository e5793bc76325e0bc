-- index expressions PostgreSQL rewrites or prints its own way, written in SQL;
-- the document spells them as people do, and the push must plan nothing
CREATE TABLE events (
  id int PRIMARY KEY, a int, b int, name text, code varchar(20), happened_at timestamptz,
  day timestamp, starts timestamp, ends timestamp, payload jsonb, done boolean);
CREATE INDEX events_utc_idx ON events ((happened_at AT TIME ZONE 'UTC'));
CREATE INDEX ON events (timezone('Europe/Paris', happened_at));
CREATE INDEX events_changed_idx ON events ((a IS DISTINCT FROM b));
CREATE INDEX events_same_idx ON events ((a IS NOT DISTINCT FROM b));
CREATE INDEX events_small_idx ON events ((a BETWEEN 1 AND 10));
CREATE INDEX events_prefix_idx ON events ((name LIKE 'a%'));
CREATE INDEX events_iprefix_idx ON events ((name ILIKE 'a%'));
CREATE INDEX events_lower_c_idx ON events ((lower(name) COLLATE "C"));
CREATE INDEX events_name_c_idx ON events (name COLLATE "C");
CREATE INDEX events_code_idx ON events ((code::text));
CREATE INDEX events_date_idx ON events ((day::date));
CREATE INDEX events_overlap_idx ON events (((starts, ends) OVERLAPS (day, day + interval '1 day')));
CREATE INDEX events_pair_idx ON events ((ARRAY[a, b]));
CREATE INDEX events_row_idx ON events (((a, b) < (1, 2)));
CREATE INDEX events_year_idx ON events ((EXTRACT(year FROM day)));
CREATE INDEX events_head_idx ON events ((substring(name FROM 1 FOR 2)));
CREATE INDEX events_k_idx ON events (((payload->>'k')::int));
CREATE INDEX events_done_idx ON events ((done IS TRUE));
CREATE INDEX ON events ((a + b));
INSERT INTO events VALUES (1, 1, 2, 'alpha', 'X1', '2024-05-01 10:00+02', '2024-05-01', '2024-05-01', '2024-05-02', '{"k": "7"}', true);
