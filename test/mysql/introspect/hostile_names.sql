-- Names that must stay data: backticks, quotes, spaces, keywords, non-ASCII.
CREATE TABLE `we``ird "t"` (
  `id` INT PRIMARY KEY,
  `a b` INT NOT NULL DEFAULT 0,
  `c'd` VARCHAR(10) DEFAULT 'x`y',
  `select` INT,
  `é` INT AS (`a b` + `select`) STORED,
  UNIQUE KEY `u``1` (`c'd`),
  KEY `k "2"` (`é`),
  CONSTRAINT `ck``3` CHECK (`a b` >= 0 AND `c'd` <> 'a''b')
);
CREATE TABLE `child; DROP TABLE x` (
  `id` INT PRIMARY KEY,
  `ref` INT,
  CONSTRAINT `fk "quoted"` FOREIGN KEY (`ref`) REFERENCES `we``ird "t"` (`id`)
);
