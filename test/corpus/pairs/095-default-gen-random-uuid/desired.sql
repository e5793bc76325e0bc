CREATE TABLE uploads (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), name text NOT NULL, etag uuid DEFAULT gen_random_uuid());
