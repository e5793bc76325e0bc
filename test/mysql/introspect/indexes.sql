-- Index kinds, prefixes, order, uniqueness, comments, IGNORED (invisible),
-- the long UNIQUE MariaDB makes USING HASH, and the index an FK needs.
CREATE TABLE parent (id INT PRIMARY KEY) ENGINE=InnoDB;
CREATE TABLE docs (
  id BIGINT NOT NULL,
  tenant INT NOT NULL,
  slug VARCHAR(191) NOT NULL,
  title VARCHAR(300),
  body TEXT,
  geo POINT NOT NULL,
  parent_id INT,
  other_id INT,
  PRIMARY KEY (tenant, id),
  UNIQUE KEY docs_slug_key (tenant, slug),
  UNIQUE KEY title_prefix (title(20)),
  UNIQUE KEY body_hash (body),
  KEY docs_title_idx (title DESC, slug),
  KEY docs_body_prefix (body(100)) COMMENT 'first 100 characters',
  FULLTEXT KEY docs_ft (title, body),
  SPATIAL KEY docs_geo (geo),
  KEY docs_other (other_id),
  CONSTRAINT docs_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id),
  CONSTRAINT docs_other_fk FOREIGN KEY (other_id) REFERENCES parent (id)
);
CREATE INDEX docs_ignored ON docs (slug);
ALTER TABLE docs ALTER INDEX docs_ignored IGNORED;
CREATE UNIQUE INDEX docs_unique_ignored ON docs (title) IGNORED;
