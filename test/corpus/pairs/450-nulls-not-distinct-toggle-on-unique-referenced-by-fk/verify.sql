SELECT code = 'a' FROM uses;
