CREATE TABLE feature_flags (name text PRIMARY KEY, enabled boolean NOT NULL DEFAULT false, rollout smallint, note text);
INSERT INTO feature_flags VALUES ('dark_mode', true, 50, 'beta'), ('new_nav', false, NULL, NULL);
