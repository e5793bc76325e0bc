SELECT slug = 'hello-world' FROM docs WHERE id = 1;
