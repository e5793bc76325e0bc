SELECT parent = 1 FROM node WHERE id = 2;
