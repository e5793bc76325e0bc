SELECT weight = 0 FROM jobs WHERE id = 2;
