SELECT c_text = 'x' AND c_json = '[1]' FROM everything;
