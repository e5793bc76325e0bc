-- The same checks, each written another way in SQL.
CREATE TABLE prices (
    id int PRIMARY KEY,
    amount numeric(10,2) NOT NULL CONSTRAINT prices_amount_check CHECK (amount > 0::numeric),
    currency text NOT NULL CHECK (currency = ANY (ARRAY['EUR'::text, 'USD'::text])),
    valid_from date NOT NULL,
    valid_to date,
    label text CHECK (((length(label) >= 1) AND (length(label) <= 50))),
    CONSTRAINT prices_check CHECK ((valid_to IS NULL) OR (valid_to > valid_from))
);
INSERT INTO prices VALUES (1, 9.99, 'EUR', '2024-01-01', NULL, 'std'), (2, 1, 'USD', '2024-01-01', '2024-12-31', NULL);
