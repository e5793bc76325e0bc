SELECT enum_range(NULL::fruit)::text = '{apple,pear}';
SELECT array_agg(fruit::text ORDER BY id) = '{apple,pear,NULL}' FROM baskets;
