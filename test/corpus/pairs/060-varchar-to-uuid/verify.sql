SELECT owner = 'cron' FROM api_keys WHERE id = '0b6b2f36-5a3e-4c0e-9c74-1f6d0b0f8d22';
