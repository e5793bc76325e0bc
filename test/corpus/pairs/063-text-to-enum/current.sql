CREATE TYPE shipment_state AS ENUM ('created', 'in_transit', 'delivered', 'lost');
CREATE TABLE shipments (id integer PRIMARY KEY, state text NOT NULL);
INSERT INTO shipments VALUES (1, 'created'), (2, 'delivered'), (3, 'in_transit');
