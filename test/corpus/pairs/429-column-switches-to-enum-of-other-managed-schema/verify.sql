SELECT lang = 'de' AND langs = '{en,de}' FROM docs;
