SELECT perms = '{read,NULL}' FROM roles;
