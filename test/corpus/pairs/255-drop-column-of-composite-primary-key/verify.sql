SELECT amount = 11 FROM prices WHERE region = 'us';
