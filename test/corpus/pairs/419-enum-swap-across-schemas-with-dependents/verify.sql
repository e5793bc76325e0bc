SELECT status = 'off' FROM app.devices WHERE id = 101;
SELECT status = 'off' AND NOT is_on FROM public.log;
