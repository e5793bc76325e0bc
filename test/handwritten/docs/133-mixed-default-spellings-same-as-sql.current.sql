CREATE TABLE machines (
    id int PRIMARY KEY,
    hostname varchar(63) NOT NULL DEFAULT 'localhost',
    cores smallint DEFAULT 4,
    ram_gb numeric(6,1) DEFAULT 16,
    booted_at timestamptz DEFAULT NOW(),
    labels text[] DEFAULT '{}',
    online boolean DEFAULT true,
    ip inet DEFAULT '127.0.0.1'::inet
);
INSERT INTO machines (id) VALUES (1);
