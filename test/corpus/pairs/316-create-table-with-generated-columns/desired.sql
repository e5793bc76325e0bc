CREATE TABLE metrics (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, hits integer NOT NULL DEFAULT 0,
  misses integer NOT NULL DEFAULT 0,
  ratio double precision GENERATED ALWAYS AS (CASE WHEN hits + misses = 0 THEN NULL ELSE hits::double precision / (hits + misses) END) STORED,
  bucket text GENERATED ALWAYS AS (CASE WHEN hits > 100 THEN 'hot' ELSE 'cold' END) STORED NOT NULL);
CREATE INDEX metrics_bucket_idx ON metrics (bucket);
