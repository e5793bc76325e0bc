CREATE TABLE visits (path text NOT NULL, at timestamptz NOT NULL);
INSERT INTO visits VALUES ('/', '2024-01-01 00:00+00'), ('/a', '2024-01-02 00:00+00'), ('/b', '2024-01-03 00:00+00');
