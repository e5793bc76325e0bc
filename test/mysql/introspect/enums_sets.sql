-- Inline ENUM and SET types: quotes in members, defaults, NOT NULL.
CREATE TABLE shirts (
  id INT PRIMARY KEY,
  size ENUM('small', 'medium', 'large', 'x''l') NOT NULL DEFAULT 'medium',
  colour ENUM('red','green') DEFAULT NULL,
  tags SET('new','sale','hot') NOT NULL DEFAULT 'sale,new',
  flags SET('a','b') DEFAULT ''
);
