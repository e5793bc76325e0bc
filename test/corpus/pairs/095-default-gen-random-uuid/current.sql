CREATE TABLE uploads (id uuid PRIMARY KEY, name text NOT NULL, etag uuid);
INSERT INTO uploads VALUES ('8b0e7bb6-3f1c-4c7e-9a61-7e7a1c4e0c01', 'a.png', NULL);
