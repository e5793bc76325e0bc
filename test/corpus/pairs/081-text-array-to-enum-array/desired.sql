CREATE TYPE topping AS ENUM ('cheese', 'tomato', 'basil', 'ham');
CREATE TABLE pizzas (id integer PRIMARY KEY, toppings topping[] NOT NULL);
