CREATE TABLE stock_events (
    id bigserial PRIMARY KEY,
    sku varchar(64) NOT NULL,
    delta integer NOT NULL,
    at timestamptz NOT NULL DEFAULT now(),
    reason text
);
CREATE INDEX stock_events_at_brin ON stock_events USING brin (at);
CREATE INDEX stock_events_sku_out_idx ON stock_events (sku, at) WHERE delta < 0;
