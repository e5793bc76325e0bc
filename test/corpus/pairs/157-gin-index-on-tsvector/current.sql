CREATE TABLE listings (
    id bigserial PRIMARY KEY,
    title text NOT NULL,
    city text,
    price integer,
    status text NOT NULL DEFAULT 'draft',
    features jsonb NOT NULL DEFAULT '{}',
    photos text[] NOT NULL DEFAULT '{}',
    document tsvector,
    footprint box,
    pin point,
    available int4range,
    listed_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);

INSERT INTO listings (title, city, price, status, features, photos, document, footprint, pin, available, listed_at) VALUES
    ('Loft', 'Berlin', 1200, 'live', '{"balcony": true}', '{a.jpg}', to_tsvector('simple', 'sunny loft'), '((0,0),(10,8))', '(52.5,13.4)', '[1,30)', '2024-01-05 10:00+00'),
    ('Studio', 'Paris', 900, 'draft', '{}', '{}', to_tsvector('simple', 'small studio'), NULL, '(48.8,2.3)', NULL, '2024-02-01 10:00+00'),
    ('House', 'Berlin', NULL, 'live', '{"garden": true}', '{b.jpg,c.jpg}', NULL, '((0,0),(20,20))', NULL, '[5,10)', '2024-03-01 10:00+00');
