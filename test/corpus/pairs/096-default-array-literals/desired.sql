CREATE TABLE recipes (id serial PRIMARY KEY, steps text[] DEFAULT '{}', amounts numeric[] DEFAULT ARRAY[1.5, 2]::numeric[], flags boolean[] DEFAULT '{false,true}');
