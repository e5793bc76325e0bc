SELECT count(*) = 2 FROM jobs WHERE queue = 'main' AND max_attempts = 3;
