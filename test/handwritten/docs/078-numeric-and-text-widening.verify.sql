SELECT amount = 123456.78 AND tax = 0.196 AND description = 'thing' AND qty = 3 FROM line_items WHERE id = 1;
