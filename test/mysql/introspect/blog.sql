-- VibORM's blog (reference/examples/blog) as MySQL holds it: the DDL of its
-- MySQL rules (VARCHAR(191) for keyed strings, inline ENUM, DATETIME(3)
-- with CURRENT_TIMESTAMP(3), TINYINT(1) for booleans), with the index MySQL
-- cannot take (VibORM's partial index on post) left out.
CREATE TABLE users (
  id VARCHAR(191) NOT NULL,
  email VARCHAR(191) NOT NULL,
  display_name TEXT NOT NULL,
  role ENUM('reader', 'author', 'admin') NOT NULL DEFAULT 'reader',
  createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  CONSTRAINT users_pkey PRIMARY KEY (id),
  UNIQUE KEY users_email_key (email)
);
CREATE TABLE profile (
  id INT NOT NULL AUTO_INCREMENT,
  userId VARCHAR(191) NOT NULL,
  bio TEXT NULL DEFAULT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY profile_userId_key (userId),
  CONSTRAINT profile_userId_fkey FOREIGN KEY (userId) REFERENCES users (id) ON DELETE CASCADE
);
CREATE TABLE post (
  id VARCHAR(191) NOT NULL,
  authorId VARCHAR(191) NOT NULL,
  slug VARCHAR(191) NOT NULL,
  title TEXT NOT NULL,
  published TINYINT(1) NOT NULL DEFAULT 0,
  publishedAt DATETIME(3) NULL DEFAULT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY post_authorId_slug_key (authorId, slug),
  KEY post_publishedAt_idx (publishedAt),
  CONSTRAINT post_authorId_fkey FOREIGN KEY (authorId) REFERENCES users (id) ON DELETE RESTRICT
);
CREATE TABLE tag (
  id INT NOT NULL AUTO_INCREMENT,
  name VARCHAR(191) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY tag_name_key (name)
);
CREATE TABLE post_tag (
  postId VARCHAR(191) NOT NULL,
  tagId INT NOT NULL,
  PRIMARY KEY (postId, tagId),
  KEY post_tag_tagId_idx (tagId),
  CONSTRAINT post_tag_postId_fkey FOREIGN KEY (postId) REFERENCES post (id) ON DELETE CASCADE ON UPDATE CASCADE,
  CONSTRAINT post_tag_tagId_fkey FOREIGN KEY (tagId) REFERENCES tag (id) ON DELETE CASCADE ON UPDATE CASCADE
);
