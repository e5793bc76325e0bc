SELECT enum_range(NULL::billing.method)::text = '{cash,card,wallet,transfer}';
