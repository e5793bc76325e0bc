CREATE TABLE api_keys (id varchar(36) PRIMARY KEY, owner text NOT NULL);
INSERT INTO api_keys VALUES ('a81bc81b-dead-4e5d-abff-90865d1e13b1', 'svc'), ('0b6b2f36-5a3e-4c0e-9c74-1f6d0b0f8d22', 'cron');
