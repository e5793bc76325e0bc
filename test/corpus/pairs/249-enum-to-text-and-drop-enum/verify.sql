SELECT size = 'l' AND sizes = '{s,l}' FROM shirts WHERE id = 1;
