SELECT grid = '{{x,o},{o,x}}'::cell[] FROM boards;
