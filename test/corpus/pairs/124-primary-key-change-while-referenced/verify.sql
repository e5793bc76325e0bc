SELECT count(*) = 2 FROM assemblies;
