SELECT active AND NOT trial FROM subscriptions WHERE id = 1;
