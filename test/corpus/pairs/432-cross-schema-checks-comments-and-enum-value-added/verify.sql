SELECT tier = 'pro' AND seats = 1 FROM app.plans;
