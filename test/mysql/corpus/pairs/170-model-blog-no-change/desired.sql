CREATE TABLE users (
  id INT NOT NULL AUTO_INCREMENT, email VARCHAR(191) NOT NULL, name TEXT NULL,
  admin TINYINT(1) NOT NULL DEFAULT 0, createdAt DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id), UNIQUE KEY users_email_key (email));
CREATE TABLE post (
  id INT NOT NULL AUTO_INCREMENT, authorId INT NOT NULL, title TEXT NOT NULL, score DOUBLE NOT NULL,
  price DECIMAL(65,30) NOT NULL, status ENUM('draft','published') NOT NULL, meta JSON NULL,
  PRIMARY KEY (id), KEY post_authorId_idx (authorId),
  CONSTRAINT post_authorId_fkey FOREIGN KEY (authorId) REFERENCES users (id) ON DELETE RESTRICT);
