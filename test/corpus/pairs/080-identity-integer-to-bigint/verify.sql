SELECT name = 'report' FROM jobs WHERE id = 2;
