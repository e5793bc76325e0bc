SELECT count(*) = 1 FROM jobs WHERE state = 'done';
