CREATE TABLE tickets (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), subject text NOT NULL);
