SELECT x || y = 'xy' FROM ab;
