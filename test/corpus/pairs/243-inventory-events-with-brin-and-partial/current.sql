CREATE TABLE stock_events (id bigserial PRIMARY KEY, sku text NOT NULL, delta integer NOT NULL, at timestamptz NOT NULL DEFAULT now());
INSERT INTO stock_events (sku, delta, at) VALUES ('a', 5, '2024-01-01 00:00+00'), ('a', -2, '2024-01-02 00:00+00'), ('b', 1, '2024-01-03 00:00+00');
