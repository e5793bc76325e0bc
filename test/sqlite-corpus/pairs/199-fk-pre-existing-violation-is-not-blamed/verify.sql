SELECT x = '' FROM other;
