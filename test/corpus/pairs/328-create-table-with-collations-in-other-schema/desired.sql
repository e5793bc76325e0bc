CREATE SCHEMA i18n;
CREATE TABLE i18n.labels (key text COLLATE "C" PRIMARY KEY, de text COLLATE "de-x-icu", sv text COLLATE "sv-x-icu",
  neutral text COLLATE "und-x-icu" NOT NULL DEFAULT '');
CREATE INDEX labels_de_idx ON i18n.labels (de);
