SELECT perms = '{read,write}' AND extra = '{write,admin}' FROM roles WHERE id = 1;
SELECT perms = '{admin}' FROM roles WHERE id = 2;
