SELECT payload->>'event' = 'paid' FROM webhooks WHERE id = 1;
