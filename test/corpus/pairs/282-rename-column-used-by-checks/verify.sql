SELECT width = 3 FROM shapes;
