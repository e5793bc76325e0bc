CREATE TYPE topping AS ENUM ('cheese', 'tomato', 'basil', 'ham');
CREATE TABLE pizzas (id integer PRIMARY KEY, toppings text[] NOT NULL);
INSERT INTO pizzas VALUES (1, '{cheese,tomato,basil}'), (2, '{cheese,ham}');
