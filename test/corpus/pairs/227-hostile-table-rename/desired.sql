CREATE TABLE "new ""name""" (id serial PRIMARY KEY, "v" text UNIQUE);
