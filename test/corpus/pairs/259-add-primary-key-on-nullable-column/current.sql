CREATE TABLE tags (slug text, label text);
INSERT INTO tags VALUES ('c', 'C'), ('go', 'Go');
