SELECT enum_range(NULL::app.tier)::text = '{bronze,silver,gold,platinum}';
SELECT count(*) = 1 FROM app.customers WHERE tier = 'gold' AND tiers_seen = '{bronze,gold}';
