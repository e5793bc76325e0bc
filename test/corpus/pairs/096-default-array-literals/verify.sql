SELECT steps = '{mix,bake}' FROM recipes;
