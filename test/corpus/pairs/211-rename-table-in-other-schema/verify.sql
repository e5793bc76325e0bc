SELECT count(*) = 2 FROM ops.deployments;
