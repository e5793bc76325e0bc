SELECT toppings = '{cheese,ham}'::topping[] FROM pizzas WHERE id = 2;
