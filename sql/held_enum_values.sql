--
-- diff's "heldEnumValues": the enum values a plan removes that rows still
-- hold and no mapping covers, one entry per column with its row count (the
-- rows a push refuses with VB006). The CLI asks what to map each one to.
-- Absent when there is none: no removed value, no rows holding it, or a
-- mapping for it.
--
\i test/regress/reset.sql
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE diary (id int, m mood, ms mood[]);
INSERT INTO diary VALUES (1, 'sad', '{ok,sad}'), (2, 'happy', NULL), (3, 'sad', '{happy}');
\set doc '{"enums": [{"name": "mood", "values": ["happy"]}], "tables": [{"name": "diary", "columns": [{"name": "id", "type": "int"}, {"name": "m", "type": "mood"}, {"name": "ms", "type": "mood[]"}]}]}'
SELECT jsonb_array_elements(viborm.diff(:'doc') -> 'heldEnumValues') AS held;
-- a mapping covers a value everywhere, or in the column it names
SELECT jsonb_array_elements(viborm.diff(:'doc', '{"enumValueMappings": [{"enum": "mood", "map": {"sad": "happy"}}]}') -> 'heldEnumValues') AS held;
SELECT jsonb_array_elements(viborm.diff(:'doc', '{"enumValueMappings": [{"enum": "mood", "table": "diary", "column": "ms", "map": {"ok": null, "sad": null}}]}') -> 'heldEnumValues') AS held;
SELECT viborm.diff(:'doc', '{"enumValueMappings": [{"enum": "mood", "map": {"ok": null, "sad": "happy"}}]}') ? 'heldEnumValues' AS has_key;
-- no rows hold a removed value: no key
DELETE FROM diary WHERE id <> 2;
SELECT viborm.diff(:'doc') ? 'heldEnumValues' AS has_key;
-- diff only: push and a dry run refuse such rows with VB006 instead
INSERT INTO diary VALUES (4, 'ok', NULL);
SELECT viborm.push(:'doc', '{"dryRun": true}');
