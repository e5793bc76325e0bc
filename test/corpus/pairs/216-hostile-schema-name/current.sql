CREATE TABLE public.users (id integer PRIMARY KEY);
INSERT INTO public.users VALUES (1), (2);
