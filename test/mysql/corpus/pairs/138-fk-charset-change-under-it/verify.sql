SELECT code = 'ä' FROM c;
