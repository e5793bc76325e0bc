CREATE TABLE tags (slug text PRIMARY KEY, label text);
