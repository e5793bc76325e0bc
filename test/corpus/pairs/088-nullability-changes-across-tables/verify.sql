SELECT title = 'bug' FROM issues;
