SELECT parent_id = 77 FROM children WHERE id = 2;
