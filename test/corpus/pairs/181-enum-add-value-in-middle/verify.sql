SELECT enum_range(NULL::mood)::text = '{sad,meh,ok,happy}';
