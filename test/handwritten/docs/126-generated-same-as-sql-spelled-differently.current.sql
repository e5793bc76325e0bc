CREATE TABLE invoice_lines (
    id integer PRIMARY KEY,
    unit_price numeric(10,2) NOT NULL,
    quantity integer NOT NULL,
    discount numeric(3,2) NOT NULL DEFAULT 0,
    line_total numeric(14,2) GENERATED ALWAYS AS (((unit_price * (quantity)::numeric) * ((1)::numeric - discount))) STORED,
    code text,
    code_upper text GENERATED ALWAYS AS (upper(code)) STORED
);
INSERT INTO invoice_lines (id, unit_price, quantity, discount, code) VALUES (1, 10, 3, 0.1, 'ab');
