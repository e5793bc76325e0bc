CREATE TABLE new_rules (key text PRIMARY KEY CHECK (key = lower(key)), weight real NOT NULL CHECK (weight BETWEEN 0 AND 1),
  CONSTRAINT new_rules_check CHECK (length(key) > weight));
