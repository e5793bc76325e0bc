CREATE TYPE shipment_state AS ENUM ('created', 'in_transit', 'delivered', 'lost');
CREATE TABLE shipments (id integer PRIMARY KEY, state shipment_state NOT NULL);
