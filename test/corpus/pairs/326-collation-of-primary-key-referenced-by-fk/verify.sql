SELECT count(*) = 2 FROM cities JOIN countries ON code = country;
