SELECT legacy_a = 1 FROM public.keep;
