SELECT status = 'active' FROM docs WHERE id = 3;
