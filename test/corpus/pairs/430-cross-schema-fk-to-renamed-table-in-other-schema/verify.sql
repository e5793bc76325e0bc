SELECT count(*) = 1 FROM public.posts JOIN core.accounts a ON a.id = author;
