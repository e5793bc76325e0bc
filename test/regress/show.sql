-- Shared by the pg_regress suites (sql/*.sql), included with \i.
-- h.show(result): one line per operation (kind, object, destructive), its
-- SQL statements indented below, then any ambiguous pairs
CREATE SCHEMA h;
CREATE FUNCTION h.show(r jsonb) RETURNS SETOF text LANGUAGE sql AS $$
  SELECT line FROM (
    SELECT 0 AS o1, 0::bigint AS o2, 'applied: ' || (r->>'applied') AS line
    UNION ALL
    SELECT 1, n * 1000,
           concat(op->>'kind', ' ',
                  concat_ws('.', op->>'schema', op->>'table',
                            nullif(op->>'object', coalesce(op->>'table', op->>'schema'))),
                  CASE WHEN (op->>'destructive')::boolean THEN ' (destructive)' END)
    FROM jsonb_array_elements(r->'operations') WITH ORDINALITY a(op, n)
    UNION ALL
    SELECT 1, n * 1000 + m, '    ' || s
    FROM jsonb_array_elements(r->'operations') WITH ORDINALITY a(op, n),
         jsonb_array_elements_text(op->'sql') WITH ORDINALITY b(s, m)
    UNION ALL
    SELECT 2, n, concat('ambiguous ', x->>'kind', ' ',
                        concat_ws('.', x->>'schema', coalesce(x->>'table', x->>'enum')),
                        ': ', x->>'from', ' -> ', x->>'to')
    FROM jsonb_array_elements(r->'ambiguous') WITH ORDINALITY a(x, n)
  ) s ORDER BY o1, o2
$$;
