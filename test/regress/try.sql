-- Shared by the pg_regress suites (sql/*.sql), included with \i.
-- h.try(fn, doc, opts): calls viborm.<fn>(doc, opts) ('diff' or 'push') and
-- shows how it ended: "ok: <statement>" for each statement of the plan (or
-- "ok, nothing to do"), else the error: SQLSTATE and message, then its
-- detail and hint, indented.
SET client_min_messages = warning;
CREATE SCHEMA IF NOT EXISTS h;
RESET client_min_messages;
CREATE FUNCTION h.try(fn text, doc jsonb, opts jsonb DEFAULT '{}') RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE st text; msg text; det text; hint text; r jsonb;
BEGIN
  EXECUTE format('SELECT viborm.%I($1, $2)', fn) USING doc, opts INTO r;
  IF jsonb_array_length(r->'sql') = 0 THEN
    RETURN NEXT 'ok, nothing to do';
  END IF;
  RETURN QUERY SELECT 'ok: ' || s FROM jsonb_array_elements_text(r->'sql') s;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL,
                          hint = PG_EXCEPTION_HINT;
  RETURN NEXT st || ': ' || msg;
  IF det <> '' THEN
    RETURN NEXT '  ' || det;
  END IF;
  IF hint <> '' THEN
    RETURN NEXT '  hint: ' || hint;
  END IF;
END $$;
